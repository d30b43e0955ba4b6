import type { Diagnostic } from '../../core/diagnostic.js';
import { parseExpression } from '../hcl/parser.js';
import { EvalError } from './errors.js';
import type { EvalContext } from './context.js';
import { evaluate } from './evaluate.js';
import { BigNum } from './number.js';
import { type Type, friendlyName } from './types.js';
import { type Value, UNKNOWN } from './value.js';

/** Print a value exactly as `terraform console` does. */
export function renderConsoleValue(v: Value, indent = 0): string {
  if (v.v === UNKNOWN) return '(known after apply)';
  if (v.sens) return '(sensitive value)';
  const t = v.t;
  if (v.v === null) return renderNull(t);
  switch (t.k) {
    case 'string': {
      const s = v.v as string;
      return multiline(s, indent) ?? goQuote(s);
    }
    case 'number':
      return (v.v as BigNum).toString();
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'object':
      return mapping(v, indent);
    case 'tuple':
      return sequence(v, indent);
    case 'list':
      return `tolist(${sequence(v, indent)})`;
    case 'set':
      return `toset(${sequence(v, indent)})`;
    case 'map':
      return `tomap(${mapping(v, indent)})`;
    default:
      return 'null';
  }
}

function renderNull(t: Type): string {
  switch (t.k) {
    case 'dynamic':
      return 'null';
    case 'string':
      return 'tostring(null)';
    case 'number':
      return 'tonumber(null)';
    case 'bool':
      return 'tobool(null)';
    case 'list':
      return `tolist(null) /* of ${friendlyName(t.e)} */`;
    case 'set':
      return `toset(null) /* of ${friendlyName(t.e)} */`;
    case 'map':
      return `tomap(null) /* of ${friendlyName(t.e)} */`;
    default:
      return `null /* ${friendlyName(t)} */`;
  }
}

function multiline(s: string, indent: number): string | undefined {
  const lines = s.split('\n');
  if (lines.length < 2) return undefined;
  const op = indent > 0 ? '<<-' : '<<';
  let delim = 'EOT';
  while (lines.some((l) => l.trim() === delim)) delim += '_';
  const pad = ' '.repeat(indent);
  return `${op}${delim}${lines.map((l) => '\n' + pad + l).join('')}\n${pad}${delim}`;
}

function mapping(v: Value, indent: number): string {
  const m = v.v as Map<string, Value>;
  if (m.size === 0) return '{}';
  const inner = indent + 2;
  const pad = ' '.repeat(inner);
  let out = '{';
  for (const [k, e] of m)
    out += `\n${pad}${multiline(k, inner) ?? goQuote(k)} = ${renderConsoleValue(e, inner)}`;
  return out + '\n' + ' '.repeat(indent) + '}';
}

function sequence(v: Value, indent: number): string {
  const items = v.v as Value[];
  if (items.length === 0) return '[]';
  const inner = indent + 2;
  const pad = ' '.repeat(inner);
  let out = '[';
  for (const e of items) out += `\n${pad}${renderConsoleValue(e, inner)},`;
  return out + '\n' + ' '.repeat(indent) + ']';
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (cp < 0x80 ? cp >= 0x20 && cp < 0x7f : PRINTABLE.test(ch) && !(cp >= 0xd800 && cp <= 0xdfff))
      out += ch;
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\v') out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

export interface ConsoleResult {
  /** What terraform console prints on stdout, when evaluation succeeded. */
  output?: string;
  diagnostics: Diagnostic[];
}

/** Parse and evaluate one console line in a context. */
export function evaluateConsoleLine(ctx: EvalContext, text: string): ConsoleResult {
  const r = parseExpression(text, '<console-input>');
  if (!r.value || r.diagnostics.length) return { diagnostics: r.diagnostics };
  try {
    return { output: renderConsoleValue(evaluate(r.value, ctx)), diagnostics: [] };
  } catch (e) {
    if (e instanceof EvalError) return { diagnostics: [e.diagnostic] };
    throw e;
  }
}
