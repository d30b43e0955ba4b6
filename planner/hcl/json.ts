import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import { jsonSyntaxError } from './errors.js';
import { SourceFile } from './source.js';

/** A JSON value with the source range of every node (for file:line:col in Terraform JSON configs). */
export type JNode =
  | { k: 'string'; value: string; range: SourceRange }
  | { k: 'number'; text: string; range: SourceRange }
  | { k: 'bool'; value: boolean; range: SourceRange }
  | { k: 'null'; range: SourceRange }
  | { k: 'array'; items: JNode[]; range: SourceRange }
  | { k: 'object'; entries: Array<{ key: string; keyRange: SourceRange; value: JNode }>; range: SourceRange };

class JsonAbort extends Error {}

/** Parse JSON text; returns undefined and a diagnostic on a syntax error. */
export function parseJson(
  fileName: string,
  text: string,
): { value: JNode | undefined; diagnostics: Diagnostic[] } {
  const src = new SourceFile(fileName, text);
  const diags: Diagnostic[] = [];
  let i = 0;
  const n = text.length;
  const err = (what: string, at = i): never => {
    diags.push(jsonSyntaxError(src.range(at, Math.min(at + 1, n)), what));
    throw new JsonAbort();
  };
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const parseString = (): string => {
    const start = i;
    i++; // "
    let out = '';
    for (;;) {
      if (i >= n) err('unterminated string', start);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const map: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && map[e] !== undefined) {
          out += map[e];
          i += 2;
          continue;
        }
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        err(`invalid escape sequence ${JSON.stringify(text.slice(i, i + 2))}`);
      }
      if (c.charCodeAt(0) < 0x20) err('control character in string (use \\n for a newline)');
      out += c;
      i++;
    }
  };
  const value = (depth: number): JNode => {
    if (depth > 500) err('nesting too deep');
    ws();
    const start = i;
    const c = text[i];
    if (c === undefined) return err('unexpected end of file; a value was expected');
    if (c === '{') {
      i++;
      const entries: Array<{ key: string; keyRange: SourceRange; value: JNode }> = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { k: 'object', entries, range: src.range(start, i) };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') err(`expected a quoted property name, found ${describe(text[i])}`);
        const ks = i;
        const key = parseString();
        const keyRange = src.range(ks, i);
        ws();
        if (text[i] !== ':') err(`expected ":" after the property name, found ${describe(text[i])}`);
        i++;
        const v = value(depth + 1);
        entries.push({ key, keyRange, value: v });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { k: 'object', entries, range: src.range(start, i) };
        }
        err(`expected "," or "}" in the object, found ${describe(text[i])}`);
      }
    }
    if (c === '[') {
      i++;
      const items: JNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { k: 'array', items, range: src.range(start, i) };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { k: 'array', items, range: src.range(start, i) };
        }
        err(`expected "," or "]" in the array, found ${describe(text[i])}`);
      }
    }
    if (c === '"') {
      const s = parseString();
      return { k: 'string', value: s, range: src.range(start, i) };
    }
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 1000));
    if (m && m[0].length > 0) {
      i += m[0].length;
      return { k: 'number', text: m[0], range: src.range(start, i) };
    }
    for (const [word, node] of [
      ['true', { k: 'bool', value: true }],
      ['false', { k: 'bool', value: false }],
      ['null', { k: 'null' }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { ...node, range: src.range(start, i) } as JNode;
      }
    }
    return err(`unexpected ${describe(c)}; a value was expected`);
  };
  try {
    const v = value(0);
    ws();
    if (i < n) err(`unexpected ${describe(text[i])} after the end of the JSON value`);
    return { value: v, diagnostics: diags };
  } catch (e) {
    if (e instanceof JsonAbort) return { value: undefined, diagnostics: diags };
    throw e;
  }
}

function describe(c: string | undefined): string {
  return c === undefined ? 'the end of the file' : JSON.stringify(c);
}
