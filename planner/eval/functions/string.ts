import { DYNAMIC, STRING, listOf, BOOL } from '../types.js';
import { type Value, bool } from '../value.js';
import { formatValue } from './format.js';
import { graphemes, intArg, s, strList, strValue } from './helpers.js';
import { def, p, type FunctionTable } from './registry.js';
import { toJsRegex } from './regex.js';
import { NUMBER, tupleOf } from '../types.js';
import { object, tuple } from '../value.js';

const S = (name: string) => p(name, STRING);

function isTitleSep(ch: string): boolean {
  if (/^[A-Za-z0-9_]$/.test(ch)) return false;
  if (/^[\p{L}\p{N}]$/u.test(ch)) return false;
  if (/^\s$/u.test(ch)) return true;
  return ch.charCodeAt(0) < 0x80;
}

/** String functions. */
export function stringFunctions(): FunctionTable {
  const t: FunctionTable = new Map();
  t.set(
    'lower',
    def([S('str')], ([a]) => strValue(s(a!).toLowerCase())),
  );
  t.set(
    'upper',
    def([S('str')], ([a]) => strValue(s(a!).toUpperCase())),
  );
  t.set(
    'title',
    def([S('str')], ([a]) => {
      let prev = ' ';
      let out = '';
      for (const ch of s(a!)) {
        out += isTitleSep(prev) ? ch.toUpperCase() : ch;
        prev = ch;
      }
      return strValue(out);
    }),
  );
  t.set(
    'trimspace',
    def([S('str')], ([a]) => strValue(s(a!).replace(/^\s+|\s+$/gu, ''))),
  );
  t.set(
    'trim',
    def([S('str'), S('cutset')], ([a, c]) => {
      const cut = new Set([...s(c!)]);
      const chars = [...s(a!)];
      let i = 0;
      let j = chars.length;
      while (i < j && cut.has(chars[i]!)) i++;
      while (j > i && cut.has(chars[j - 1]!)) j--;
      return strValue(chars.slice(i, j).join(''));
    }),
  );
  t.set(
    'trimprefix',
    def([S('str'), S('prefix')], ([a, b]) =>
      strValue(s(a!).startsWith(s(b!)) ? s(a!).slice(s(b!).length) : s(a!)),
    ),
  );
  t.set(
    'trimsuffix',
    def([S('str'), S('suffix')], ([a, b]) =>
      strValue(s(b!) !== '' && s(a!).endsWith(s(b!)) ? s(a!).slice(0, s(a!).length - s(b!).length) : s(a!)),
    ),
  );
  t.set(
    'chomp',
    def([S('str')], ([a]) => strValue(s(a!).replace(/(\r\n|\n|\r)+$/, ''))),
  );
  t.set(
    'strrev',
    def([S('str')], ([a]) => strValue(graphemes(s(a!)).reverse().join(''))),
  );
  t.set(
    'indent',
    def([p('spaces', NUMBER), S('str')], ([n, a]) => {
      const pad = ' '.repeat(intArg(n!, 'spaces'));
      return strValue(s(a!).replace(/\n/g, '\n' + pad));
    }),
  );
  t.set(
    'startswith',
    def([S('str'), S('prefix')], ([a, b]) => bool(s(a!).startsWith(s(b!)))),
  );
  t.set(
    'endswith',
    def([S('str'), S('suffix')], ([a, b]) => bool(s(a!).endsWith(s(b!)))),
  );
  t.set(
    'strcontains',
    def([S('str'), S('substr')], ([a, b]) => bool(s(a!).includes(s(b!)))),
  );
  t.set(
    'substr',
    def([S('str'), p('offset', NUMBER), p('length', NUMBER)], ([a, o, l]) => {
      const g = graphemes(s(a!));
      let off = intArg(o!, 'offset');
      let len = intArg(l!, 'length');
      if (off < 0) off = g.length + off;
      if (off < 0) throw new Error('offset out of range');
      if (off > g.length) throw new Error('offset out of range');
      if (len < 0) len = g.length - off;
      return strValue(g.slice(off, off + len).join(''));
    }),
  );
  t.set(
    'split',
    def([S('separator'), S('str')], ([sep, a]) => {
      if (s(a!) === '') return strList(['']);
      return strList(s(sep!) === '' ? [...s(a!)] : s(a!).split(s(sep!)));
    }),
  );
  t.set(
    'join',
    def(
      [S('separator')],
      ([sep, ...lists]) => {
        if (lists.length === 0) throw new Error('at least one list is required');
        const parts: string[] = [];
        for (const l of lists) {
          for (const e of l.v as Value[]) {
            if (e.v === null) throw new Error('element is null');
            parts.push(e.v as string);
          }
        }
        return strValue(parts.join(s(sep!)));
      },
      p('lists', listOf(STRING)),
    ),
  );
  t.set(
    'replace',
    def([S('str'), S('substr'), S('replace')], ([a, b, c]) => {
      const sub = s(b!);
      if (sub.length > 1 && sub.startsWith('/') && sub.endsWith('/')) {
        const re = toJsRegex(sub.slice(1, -1), 'g');
        return strValue(s(a!).replace(re, goReplacement(s(c!))));
      }
      return strValue(s(a!).split(sub).join(s(c!)));
    }),
  );
  t.set(
    'regex',
    def([S('pattern'), S('string')], ([pat, str]) => {
      const re = toJsRegex(s(pat!), '');
      const m = re.exec(s(str!));
      if (!m) throw new Error('pattern did not match any part of the given string');
      return matchValue(re, m);
    }),
  );
  t.set(
    'regexall',
    def([S('pattern'), S('string')], ([pat, str]) => {
      const re = toJsRegex(s(pat!), 'g');
      const out: Value[] = [];
      for (const m of s(str!).matchAll(re)) out.push(matchValue(re, m));
      if (out.length === 0) return { t: listOf(regexResultType(re)), v: [] };
      return { t: listOf(out[0]!.t), v: out };
    }),
  );
  t.set(
    'format',
    def(
      [S('format')],
      ([f, ...args]) => strValue(formatValue(s(f!), args)),
      p('args', DYNAMIC, { allowNull: true }),
    ),
  );
  t.set(
    'formatlist',
    def(
      [S('format')],
      ([f, ...args]) => {
        let len = -1;
        for (const a of args) {
          if (a.v !== null && (a.t.k === 'list' || a.t.k === 'tuple')) {
            const l = (a.v as Value[]).length;
            if (len >= 0 && l !== len) throw new Error('all lists must have the same length');
            len = l;
          }
        }
        if (len < 0) len = 1;
        const out: string[] = [];
        for (let i = 0; i < len; i++) {
          out.push(
            formatValue(
              s(f!),
              args.map((a) =>
                a.v !== null && (a.t.k === 'list' || a.t.k === 'tuple') ? (a.v as Value[])[i]! : a,
              ),
            ),
          );
        }
        return strList(out);
      },
      p('args', DYNAMIC, { allowNull: true }),
    ),
  );
  return t;
}

/** Go's regexp replacement syntax ($1, ${1}, $name) to JavaScript's. */
function goReplacement(r: string): string {
  return r.replace(
    /\$\$|\$\{(\w+)\}|\$(\w+)|\$/g,
    (m, braced: string | undefined, bare: string | undefined) => {
      if (m === '$$') return '$$';
      const name = braced ?? bare;
      if (name === undefined) return '$$';
      if (/^\d+$/.test(name)) return `$${name}`;
      return `$<${name}>`;
    },
  );
}

function regexResultType(re: RegExp): import('../types.js').Type {
  const groups = new RegExp(re.source + '|').exec('')!;
  const named = groups.groups ? Object.keys(groups.groups) : [];
  if (named.length) return { k: 'object', attrs: new Map(named.map((k) => [k, STRING])) };
  if (groups.length > 1) return tupleOf(groups.slice(1).map(() => STRING));
  return STRING;
}

function matchValue(re: RegExp, m: RegExpExecArray | RegExpMatchArray): Value {
  const nullStr = (x: string | undefined): Value => (x === undefined ? { t: STRING, v: null } : strValue(x));
  if (m.groups && Object.keys(m.groups).length)
    return object(Object.entries(m.groups).map(([k, v]) => [k, nullStr(v)]));
  if (m.length > 1) return tuple([...m].slice(1).map((x) => nullStr(x)));
  void re;
  return strValue(m[0]);
}

export { BOOL };
