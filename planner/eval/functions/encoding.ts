import YAML from 'yaml';
import { parseJson, type JNode } from '../../hcl/json.js';
import { BigNum } from '../number.js';
import { NUMBER, STRING } from '../types.js';
import { type Value, NULL, TRUE, FALSE, object, tuple, UNKNOWN } from '../value.js';
import { s, strValue } from './helpers.js';
import { goJsonString, jsonEncode } from './json-encode.js';
import { def, p, type FunctionTable } from './registry.js';
import { DYNAMIC } from '../types.js';

/** JSON, YAML, base64 and URL encoding functions. */
export function encodingFunctions(): FunctionTable {
  const t: FunctionTable = new Map();
  t.set(
    'jsonencode',
    def([p('val', DYNAMIC, { allowNull: true })], ([v]) => strValue(jsonEncode(v!))),
  );
  t.set(
    'jsondecode',
    def([p('str', STRING)], ([v]) => {
      // our own JSON parser keeps number text, so numbers keep full precision
      const r = parseJson('<jsondecode>', s(v!));
      if (!r.value)
        throw new Error(r.diagnostics[0]?.summary.replace(/^Invalid JSON: /, '') ?? 'invalid JSON');
      return fromJNode(r.value);
    }),
  );
  t.set(
    'yamlencode',
    def([p('value', DYNAMIC, { allowNull: true })], ([v]) => strValue(yamlEncode(v!, 0, 'top') + '\n')),
  );
  t.set(
    'yamldecode',
    def([p('src', STRING)], ([v]) => {
      let doc: unknown;
      try {
        doc = YAML.parse(s(v!), { version: '1.1', intAsBigInt: true });
      } catch (e) {
        throw new Error((e as Error).message.split('\n')[0]!);
      }
      return fromPlain(doc === undefined ? null : doc, undefined);
    }),
  );
  t.set(
    'base64encode',
    def([p('str', STRING)], ([v]) => strValue(Buffer.from(s(v!), 'utf8').toString('base64'))),
  );
  t.set(
    'base64decode',
    def([p('str', STRING)], ([v]) => {
      const str = s(v!);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(str) || str.length % 4 !== 0)
        throw new Error(`failed to decode base64 data ${JSON.stringify(str)}`);
      const buf = Buffer.from(str, 'base64');
      const out = buf.toString('utf8');
      if (Buffer.from(out, 'utf8').compare(buf) !== 0)
        throw new Error('the result of decoding the provided string is not valid UTF-8');
      return strValue(out);
    }),
  );
  t.set(
    'urlencode',
    def([p('str', STRING)], ([v]) =>
      strValue(
        [...Buffer.from(s(v!), 'utf8')]
          .map((b) => {
            const c = String.fromCharCode(b);
            if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
            if (c === ' ') return '+';
            return '%' + b.toString(16).toUpperCase().padStart(2, '0');
          })
          .join(''),
      ),
    ),
  );
  return t;
}

function fromPlain(x: unknown, _src: string | undefined): Value {
  if (x === null || x === undefined) return NULL;
  if (typeof x === 'boolean') return x ? TRUE : FALSE;
  if (typeof x === 'bigint') return { t: NUMBER, v: BigNum.fromBigInt(x, 512) };
  if (typeof x === 'number') return { t: NUMBER, v: BigNum.parse(String(x)) ?? BigNum.fromFloat64(x) };
  if (typeof x === 'string') return strValue(x);
  if (Array.isArray(x)) return tuple(x.map((e) => fromPlain(e, undefined)));
  if (x instanceof Map) return object([...x].map(([k, v]) => [String(k), fromPlain(v, undefined)]));
  return object(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, fromPlain(v, undefined)]));
}

function fromJNode(node: JNode): Value {
  switch (node.k) {
    case 'null':
      return NULL;
    case 'bool':
      return node.value ? TRUE : FALSE;
    case 'number':
      return { t: NUMBER, v: BigNum.parse(node.text)! };
    case 'string':
      return strValue(node.value);
    case 'array':
      return tuple(node.items.map(fromJNode));
    case 'object':
      return object(node.entries.map((e) => [e.key, fromJNode(e.value)]));
  }
}

function yamlScalar(v: Value): string {
  const raw = v.v;
  if (raw === null) return 'null';
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  if (raw instanceof BigNum) return raw.toString();
  return goJsonString(raw as string)
    .replace(/\\u003c/g, '<')
    .replace(/\\u003e/g, '>')
    .replace(/\\u0026/g, '&');
}

function yamlEncode(v: Value, indent: number, ctx: 'top' | 'map' | 'seq'): string {
  if (v.v === UNKNOWN) throw new Error('value is not known');
  const pad = ' '.repeat(indent);
  const raw = v.v;
  if (typeof raw === 'string' && raw.includes('\n') && !/[ \t]\n|[ \t]$/.test(raw) && !raw.startsWith(' ')) {
    const trail = /\n+$/.exec(raw)?.[0].length ?? 0;
    const chomp = trail === 0 ? '-' : trail === 1 ? '' : '+';
    const body = raw.slice(0, raw.length - trail);
    const lines = body.split('\n').concat(trail > 1 ? new Array(trail - 1).fill('') : []);
    const inner = ' '.repeat(ctx === 'top' ? indent : indent + 2);
    return `|${chomp}\n` + lines.map((l) => (l === '' ? '' : inner + l)).join('\n');
  }
  if (Array.isArray(raw)) {
    if (raw.length === 0) return '[]';
    const lines = raw.map((e) => {
      const inner = yamlEncode(e, indent + 2, 'seq');
      return `${pad}- ${inner.replace(/^ +/, '')}`;
    });
    const out = lines.join('\n');
    return ctx === 'map' ? '\n' + out : out.slice(ctx === 'seq' ? indent : 0);
  }
  if (raw instanceof Map) {
    if (raw.size === 0) return '{}';
    const lines = [...raw].map(([k, e]) => {
      const key = yamlScalar({ t: STRING, v: k });
      const isMapChild = e.v instanceof Map && e.v.size > 0;
      const inner = yamlEncode(e, isMapChild ? indent + 2 : indent, 'map');
      if (isMapChild) return `${pad}${key}:\n${inner}`;
      return `${pad}${key}:${inner.startsWith('\n') ? '' : ' '}${inner}`;
    });
    const out = lines.join('\n');
    return ctx === 'seq' ? out.slice(indent) : ctx === 'map' ? out : out;
  }
  return yamlScalar(v);
}
