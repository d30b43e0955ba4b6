import { convert, unify } from '../convert.js';
import { BigNum } from '../number.js';
import { valuesEqual } from '../ops.js';
import { DYNAMIC, NUMBER, STRING, type Type, listOf, mapOf, setOf, BOOL } from '../types.js';
import {
  type Value,
  UNKNOWN,
  bool,
  map,
  normalizeSet,
  num,
  object,
  tuple,
  nullOf,
  unknownOf,
} from '../value.js';
import { graphemes, intArg, items, n, numValue, s, strList } from './helpers.js';
import { def, p, type FunctionTable } from './registry.js';

const isSeq = (v: Value): boolean => v.t.k === 'list' || v.t.k === 'tuple' || v.t.k === 'set';
const isMapLike = (v: Value): boolean => v.t.k === 'map' || v.t.k === 'object';

/** A list of values with a common type, or a tuple when they have none. */
export function listOrTuple(vals: Value[], fallback?: Type): Value {
  if (vals.length === 0) return fallback ? { t: listOf(fallback), v: [] } : tuple([]);
  const et = unify(vals.map((v) => v.t));
  if (!et) return tuple(vals);
  return { t: listOf(et), v: vals.map((v) => convert(v, et)) };
}

function seqArg(v: Value, what = 'list'): Value[] {
  if (!isSeq(v)) throw new Error(`a ${what} is required`);
  return v.v as Value[];
}

export function collectionFunctions(): FunctionTable {
  const t: FunctionTable = new Map();
  t.set(
    'length',
    def([p('value', DYNAMIC, { allowMarked: true })], ([x]) => {
      const v = x!;
      if (v.v === UNKNOWN) return unknownOf(NUMBER);
      if (typeof v.v === 'string') return numValue(graphemes(v.v).length);
      if (Array.isArray(v.v)) return numValue(v.v.length);
      if (v.v instanceof Map) return numValue(v.v.size);
      throw new Error('argument must be a string, a collection type, or a structural type');
    }),
  );
  t.set(
    'concat',
    def(
      [],
      (lists) => {
        if (lists.length === 0) throw new Error('at least one argument is required');
        const all: Value[] = [];
        for (const l of lists) all.push(...seqArg(l, 'list or tuple'));
        const kinds = new Set(lists.map((l) => l.t.k));
        if (!kinds.has('tuple')) {
          const et = unify(lists.map((l) => (l.t as { e: Type }).e));
          if (et) return { t: listOf(et), v: all.map((v) => convert(v, et)) };
        }
        return tuple(all);
      },
      p('seqs', DYNAMIC),
    ),
  );
  t.set(
    'merge',
    def(
      [],
      (maps) => {
        const entries = new Map<string, Value>();
        let allMaps = true;
        for (const m of maps) {
          if (m.v === null) continue;
          if (!isMapLike(m)) throw new Error('arguments must be maps or objects, got "' + m.t.k + '"');
          if (m.t.k !== 'map') allMaps = false;
          for (const [k, v] of m.v as Map<string, Value>) entries.set(k, v);
        }
        if (allMaps) {
          const et = unify([...entries.values()].map((v) => v.t));
          if (et)
            return map(
              et,
              [...entries].map(([k, v]) => [k, convert(v, et)]),
            );
        }
        return object(entries);
      },
      p('maps', DYNAMIC, { allowNull: true }),
    ),
  );
  t.set(
    'flatten',
    def([p('list', DYNAMIC)], ([l]) => {
      const out: Value[] = [];
      const walk = (v: Value): void => {
        if (isSeq(v) && v.v !== null) for (const e of v.v as Value[]) walk(e);
        else out.push(v);
      };
      seqArg(l!).forEach(walk);
      return tuple(out);
    }),
  );
  t.set(
    'distinct',
    def([p('list', listOf(DYNAMIC))], ([l]) => {
      const out: Value[] = [];
      for (const e of l!.v as Value[]) if (!out.some((o) => valuesEqual(o, e) === true)) out.push(e);
      return { t: l!.t, v: out };
    }),
  );
  t.set(
    'keys',
    def([p('inputMap', DYNAMIC)], ([m]) => {
      if (!isMapLike(m!)) throw new Error('must have map or object type');
      const ks = [...(m!.v as Map<string, Value>).keys()];
      if (m!.t.k === 'map') return strList(ks);
      return tuple(ks.map((k) => ({ t: STRING, v: k })));
    }),
  );
  t.set(
    'values',
    def([p('mapping', DYNAMIC)], ([m]) => {
      if (!isMapLike(m!)) throw new Error('must have map or object type');
      const vs = [...(m!.v as Map<string, Value>).values()];
      if (m!.t.k === 'map') return { t: listOf((m!.t as { e: Type }).e), v: vs };
      return tuple(vs);
    }),
  );
  t.set(
    'lookup',
    def(
      [p('inputMap', DYNAMIC), p('key', STRING)],
      ([m, k, ...d]) => {
        if (d.length > 1) throw new Error('lookup() takes no more than three arguments');
        if (!isMapLike(m!)) throw new Error('the first argument must be a map or object');
        const e = (m!.v as Map<string, Value>).get(s(k!));
        if (e) return e;
        if (d.length === 0) throw new Error(`lookup failed to find key "${s(k!)}"`);
        const all = [...(m!.v as Map<string, Value>).values()];
        if (m!.t.k === 'map') return convert(d[0]!, (m!.t as { e: Type }).e);
        void all;
        return d[0]!;
      },
      p('default', DYNAMIC, { allowNull: true }),
    ),
  );
  t.set(
    'element',
    def([p('list', DYNAMIC), p('index', NUMBER)], ([l, i]) => {
      const xs = seqArg(l!);
      if (l!.t.k === 'set') throw new Error('cannot read elements from set');
      if (xs.length === 0) throw new Error('cannot use element function with an empty list');
      const idx = intArg(i!, 'index');
      if (idx < 0) throw new Error('cannot use element function with a negative index');
      return xs[idx % xs.length]!;
    }),
  );
  t.set(
    'index',
    def([p('list', DYNAMIC), p('value', DYNAMIC)], ([l, v]) => {
      const xs = seqArg(l!);
      for (let i = 0; i < xs.length; i++) if (valuesEqual(xs[i]!, v!) === true) return numValue(i);
      throw new Error('item not found');
    }),
  );
  t.set(
    'contains',
    def([p('list', DYNAMIC), p('value', DYNAMIC)], ([l, v]) => {
      const xs = seqArg(l!);
      return bool(xs.some((x) => valuesEqual(x, v!) === true));
    }),
  );
  t.set(
    'range',
    def(
      [],
      (args) => {
        if (args.length < 1 || args.length > 3) throw new Error('must have one, two, or three arguments');
        let start = BigNum.fromInt(0);
        let limit: BigNum;
        let step = BigNum.fromInt(1);
        if (args.length === 1) limit = n(args[0]!);
        else {
          start = n(args[0]!);
          limit = n(args[1]!);
          if (args.length === 3) step = n(args[2]!);
          else if (limit.cmp(start) < 0) step = BigNum.fromInt(-1);
        }
        if (step.isZero) throw new Error('step must not be zero');
        const down = step.neg;
        if (down && start.cmp(limit) < 0)
          throw new Error('for a descending range, start must be greater than limit');
        if (!down && start.cmp(limit) > 0)
          throw new Error('for an ascending range, start must be less than limit');
        const out: BigNum[] = [];
        for (let v = start; down ? v.cmp(limit) > 0 : v.cmp(limit) < 0; v = v.add(step)) {
          out.push(v);
          if (out.length > 1024)
            throw new Error(
              'more than 1024 values were generated; either decrease the difference between start and limit or use a smaller step',
            );
        }
        return { t: listOf(NUMBER), v: out.map(num) };
      },
      p('params', NUMBER),
    ),
  );
  t.set(
    'reverse',
    def([p('list', DYNAMIC)], ([l]) => {
      if (l!.t.k === 'set') throw new Error("can't reverse a set");
      const xs = [...seqArg(l!)].reverse();
      return l!.t.k === 'tuple' ? tuple(xs) : { t: l!.t, v: xs };
    }),
  );
  t.set(
    'sort',
    def([p('list', listOf(STRING))], ([l]) => {
      const xs = (l!.v as Value[]).map((e) => {
        if (e.v === null) throw new Error('given list element is null; a null value cannot be sorted');
        return e;
      });
      return { t: listOf(STRING), v: [...xs].sort((a, b) => (s(a) < s(b) ? -1 : s(a) > s(b) ? 1 : 0)) };
    }),
  );
  t.set(
    'zipmap',
    def([p('keys', listOf(STRING)), p('values', DYNAMIC)], ([k, v]) => {
      const ks = k!.v as Value[];
      const vs = seqArg(v!);
      if (ks.length !== vs.length)
        throw new Error(`number of keys (${ks.length}) does not match number of values (${vs.length})`);
      const entries: Array<[string, Value]> = ks.map((kk, i) => [s(kk), vs[i]!]);
      if (v!.t.k === 'tuple') return object(entries);
      return map((v!.t as { e: Type }).e, entries);
    }),
  );
  t.set(
    'slice',
    def([p('list', DYNAMIC), p('start_index', NUMBER), p('end_index', NUMBER)], ([l, a, b]) => {
      if (l!.t.k === 'set')
        throw new Error(
          'cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important',
        );
      const xs = seqArg(l!);
      const i = intArg(a!, 'start index');
      const j = intArg(b!, 'end index');
      if (i < 0) throw new Error('the starting index must be greater than or equal to zero');
      if (j > xs.length) throw new Error('end index must be less than or equal to the length of the list');
      if (i > j) throw new Error('the start index must be less than or equal to the end index');
      const out = xs.slice(i, j);
      return l!.t.k === 'tuple' ? tuple(out) : { t: l!.t, v: out };
    }),
  );
  t.set(
    'coalesce',
    def(
      [],
      (vals) => {
        const ut = unify(vals.map((v) => v.t));
        if (!ut) throw new Error('all arguments must have the same type');
        for (const v of vals) {
          if (v.v === null) continue;
          const c = ut.k === 'dynamic' ? v : convert(v, ut);
          if (c.t.k === 'string' && c.v === '') continue;
          return c;
        }
        throw new Error('no non-null, non-empty-string arguments');
      },
      p('vals', DYNAMIC, { allowNull: true }),
    ),
  );
  t.set(
    'coalescelist',
    def(
      [],
      (vals) => {
        for (const v of vals) {
          if (v.v === null) continue;
          if (!isSeq(v)) throw new Error('coalescelist arguments must be lists or tuples');
          if ((v.v as Value[]).length > 0) return v;
        }
        throw new Error('no non-null arguments');
      },
      p('vals', DYNAMIC, { allowNull: true }),
    ),
  );
  t.set(
    'compact',
    def([p('list', listOf(STRING))], ([l]) =>
      strList((l!.v as Value[]).filter((e) => e.v !== null && e.v !== '').map((e) => s(e))),
    ),
  );
  t.set(
    'one',
    def([p('list', DYNAMIC)], ([l]) => {
      const xs = seqArg(l!);
      if (xs.length === 0) return nullOf(l!.t.k === 'tuple' ? DYNAMIC : (l!.t as { e: Type }).e);
      if (xs.length > 1)
        throw new Error('must be a list, set, or tuple value with either zero or one elements');
      return xs[0]!;
    }),
  );
  t.set(
    'sum',
    def([p('list', DYNAMIC)], ([l]) => {
      const xs = isSeq(l!) ? (l!.v as Value[]) : isMapLike(l!) ? items(l!) : undefined;
      if (!xs) throw new Error('cannot sum noniterable');
      if (xs.length === 0) throw new Error('cannot sum an empty list');
      let acc: BigNum | undefined;
      for (const e of xs) {
        if (e.v === null) throw new Error('argument must be list, set, or tuple of number values');
        const x = convert(e, NUMBER).v as BigNum;
        acc = acc ? acc.add(x) : x;
      }
      return num(acc!);
    }),
  );
  t.set(
    'chunklist',
    def([p('list', listOf(DYNAMIC)), p('size', NUMBER)], ([l, sz]) => {
      const size = intArg(sz!, 'size');
      if (size < 0) throw new Error('the size argument must be positive');
      const xs = l!.v as Value[];
      const out: Value[] = [];
      if (size === 0) out.push({ t: l!.t, v: xs });
      else for (let i = 0; i < xs.length; i += size) out.push({ t: l!.t, v: xs.slice(i, i + size) });
      return { t: listOf(l!.t), v: out };
    }),
  );
  t.set(
    'alltrue',
    def([p('list', listOf(BOOL))], ([l]) => bool((l!.v as Value[]).every((e) => e.v === true))),
  );
  t.set(
    'anytrue',
    def([p('list', listOf(BOOL))], ([l]) => bool((l!.v as Value[]).some((e) => e.v === true))),
  );
  t.set(
    'transpose',
    def([p('values', mapOf(listOf(STRING)))], ([m]) => {
      const out = new Map<string, string[]>();
      for (const [k, l] of m!.v as Map<string, Value>)
        for (const e of l.v as Value[]) out.set(s(e), [...(out.get(s(e)) ?? []), k]);
      return map(
        listOf(STRING),
        [...out].map(([k, vs]) => [k, strList(vs)]),
      );
    }),
  );
  for (const [name, fn] of setFunctions()) t.set(name, fn);
  return t;
}

function setFunctions(): FunctionTable {
  const t: FunctionTable = new Map();
  const setArgs = (sets: Value[]): { et: Type; sets: Value[][] } => {
    const conv = sets.map((x) => convert(x, setOf(DYNAMIC)));
    const et = unify(conv.map((c) => (c.t as { e: Type }).e)) ?? DYNAMIC;
    return {
      et,
      sets: conv.map((c) => (c.v as Value[]).map((e) => (et.k === 'dynamic' ? e : convert(e, et)))),
    };
  };
  const has = (xs: Value[], v: Value): boolean => xs.some((x) => valuesEqual(x, v) === true);
  t.set(
    'setunion',
    def(
      [p('first_set', DYNAMIC)],
      (args) => {
        const { et, sets } = setArgs(args);
        return { t: setOf(et), v: normalizeSet(sets.flat()) };
      },
      p('other_sets', DYNAMIC),
    ),
  );
  t.set(
    'setintersection',
    def(
      [p('first_set', DYNAMIC)],
      (args) => {
        const { et, sets } = setArgs(args);
        const out = sets[0]!.filter((v) => sets.every((o) => has(o, v)));
        return { t: setOf(et), v: normalizeSet(out) };
      },
      p('other_sets', DYNAMIC),
    ),
  );
  t.set(
    'setsubtract',
    def([p('a', DYNAMIC), p('b', DYNAMIC)], (args) => {
      const { et, sets } = setArgs(args);
      return { t: setOf(et), v: normalizeSet(sets[0]!.filter((v) => !has(sets[1]!, v))) };
    }),
  );
  t.set(
    'setproduct',
    def(
      [],
      (args) => {
        if (args.length < 2) throw new Error('at least two arguments are required');
        const lists = args.map((a) => seqArg(a, 'list or set'));
        let acc: Value[][] = [[]];
        for (const l of lists) acc = acc.flatMap((prefix) => l.map((e) => [...prefix, e]));
        const allSets = args.every((a) => a.t.k === 'set');
        const rows = acc.map((r) => tuple(r));
        if (allSets) return { t: setOf(rows[0]?.t ?? DYNAMIC), v: normalizeSet(rows) };
        const et = unify(rows.map((r) => r.t));
        return et ? { t: listOf(et), v: rows.map((r) => convert(r, et)) } : tuple(rows);
      },
      p('sets', DYNAMIC),
    ),
  );
  return t;
}
