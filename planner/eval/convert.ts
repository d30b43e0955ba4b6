import { BigNum } from './number.js';
import {
  type Type,
  BOOL,
  DYNAMIC,
  NUMBER,
  STRING,
  friendlyName,
  isConcrete,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
  typeEquals,
} from './types.js';
import {
  type Value,
  UNKNOWN,
  isNull,
  normalizeSet,
  nullOf,
  sortedMap,
  unknownOf,
  withSens,
} from './value.js';

/** A failed conversion; message in Terraform's words ("a number is required"), path like `element 0`. */
export class ConversionError extends Error {
  constructor(
    message: string,
    readonly path: string[] = [],
  ) {
    super(message);
  }
  /** "element 0: string required" */
  describe(): string {
    return this.path.length ? `${this.path.join('.')}: ${this.message}` : this.message;
  }
}

/** Convert a value to a type with Terraform's automatic conversions; throws ConversionError. */
export function convert(v: Value, want: Type, path: string[] = []): Value {
  const got = v.t;
  if (want.k === 'dynamic') return v;
  if (v.v === null) return withSens(nullOf(want), v.sens);
  if (v.v === UNKNOWN) return withSens(unknownOf(want), v.sens);
  if (typeEquals(got, want) && isConcrete(want)) return v;
  switch (want.k) {
    case 'string':
      if (got.k === 'string') return v;
      if (got.k === 'number') return { t: STRING, v: (v.v as BigNum).toString(), sens: v.sens };
      if (got.k === 'bool') return { t: STRING, v: v.v ? 'true' : 'false', sens: v.sens };
      throw new ConversionError('string required', path);
    case 'number':
      if (got.k === 'number') return v;
      if (got.k === 'string') {
        const n = BigNum.parse(v.v as string);
        if (!n || /^\s|\s$/.test(v.v as string)) throw new ConversionError('a number is required', path);
        return { t: NUMBER, v: n, sens: v.sens };
      }
      throw new ConversionError('number required', path);
    case 'bool':
      if (got.k === 'bool') return v;
      if (got.k === 'string') {
        if (v.v === 'true' || v.v === 'false') return { t: BOOL, v: v.v === 'true', sens: v.sens };
        throw new ConversionError('a bool is required', path);
      }
      throw new ConversionError('bool required', path);
    case 'list':
    case 'set': {
      if (!(got.k === 'list' || got.k === 'set' || got.k === 'tuple'))
        throw new ConversionError(`${want.k} of ${friendlyName(want.e)} required`, path);
      const items = v.v as Value[];
      let et = want.e;
      if (et.k === 'dynamic' || !isConcrete(et)) {
        const u = unify(items.map((i) => i.t));
        if (!u) throw new ConversionError('all list elements must have the same type', path);
        et = items.length ? u : want.e.k === 'dynamic' ? DYNAMIC : want.e;
        if (got.k !== 'tuple' && items.length === 0) et = got.e;
      }
      const out = items.map((it, i) =>
        convert(it, et, [...path, want.k === 'set' ? 'element' : `element ${i}`]),
      );
      const t = want.k === 'list' ? listOf(et) : setOf(et);
      return { t, v: want.k === 'set' ? normalizeSet(out) : out, sens: v.sens };
    }
    case 'map': {
      if (!(got.k === 'map' || got.k === 'object'))
        throw new ConversionError(`map of ${friendlyName(want.e)} required`, path);
      const m = v.v as Map<string, Value>;
      let et = want.e;
      if (!isConcrete(et)) {
        const u = unify([...m.values()].map((i) => i.t));
        if (!u) throw new ConversionError('all map elements must have the same type', path);
        et = m.size ? u : got.k === 'map' ? got.e : DYNAMIC;
      }
      const out = new Map<string, Value>();
      for (const [k, e] of m) out.set(k, convert(e, et, [...path, JSON.stringify(k)]));
      return { t: mapOf(et), v: out, sens: v.sens };
    }
    case 'tuple': {
      if (!(got.k === 'tuple' || got.k === 'list' || got.k === 'set'))
        throw new ConversionError('tuple required', path);
      const items = v.v as Value[];
      if (items.length !== want.elems.length)
        throw new ConversionError(
          `tuple required with exactly ${want.elems.length} element${want.elems.length === 1 ? '' : 's'}`,
          path,
        );
      const out = items.map((it, i) => convert(it, want.elems[i]!, [...path, `element ${i}`]));
      return { t: tupleOf(out.map((o) => o.t)), v: out, sens: v.sens };
    }
    case 'object': {
      if (!(got.k === 'object' || got.k === 'map')) throw new ConversionError('object required', path);
      const m = v.v as Map<string, Value>;
      const out = new Map<string, Value>();
      for (const [k, at] of want.attrs) {
        const e = m.get(k);
        const optional = want.optional?.has(k);
        if (e === undefined || isNull(e)) {
          if (e === undefined && !optional) throw new ConversionError(`attribute "${k}" is required`, path);
          const dflt = want.optional?.get(k) as Value | undefined;
          out.set(k, dflt !== undefined && dflt !== null ? convert(dflt, at, [...path, k]) : nullOf(at));
          continue;
        }
        out.set(k, convert(e, at, [...path, k]));
      }
      const sorted = sortedMap(out);
      return { t: objectOf(new Map([...sorted].map(([k, e]) => [k, e.t]))), v: sorted, sens: v.sens };
    }
  }
  return v;
}

/** Try a conversion; undefined if impossible. */
export function tryConvert(v: Value, want: Type): Value | undefined {
  try {
    return convert(v, want);
  } catch (e) {
    if (e instanceof ConversionError) return undefined;
    throw e;
  }
}

/** The common type values of these types can all be converted to, as Terraform unifies them; undefined if none. */
export function unify(types: Type[]): Type | undefined {
  if (types.length === 0) return DYNAMIC;
  const first = types[0]!;
  if (types.every((t) => typeEquals(t, first))) return first;
  if (types.some((t) => t.k === 'dynamic')) return DYNAMIC;
  const kinds = new Set(types.map((t) => t.k));
  if ([...kinds].every((k) => k === 'string' || k === 'number' || k === 'bool')) {
    if (kinds.has('string')) return STRING;
    return undefined; // number and bool do not mix
  }
  if (kinds.size === 1 && (first.k === 'list' || first.k === 'set' || first.k === 'map')) {
    const e = unify(types.map((t) => (t as { e: Type }).e));
    if (!e) return undefined;
    return first.k === 'list' ? listOf(e) : first.k === 'set' ? setOf(e) : mapOf(e);
  }
  if ([...kinds].every((k) => k === 'object' || k === 'map')) {
    if (kinds.size === 1 && first.k === 'object') {
      const keys = [...first.attrs.keys()].sort().join('\u0000');
      const same = types.every(
        (t) =>
          [...(t as { readonly attrs: ReadonlyMap<string, Type> }).attrs.keys()].sort().join('\u0000') ===
          keys,
      );
      if (same) {
        const attrs = new Map<string, Type>();
        for (const k of first.attrs.keys()) {
          const u = unify(
            types.map((t) => (t as { readonly attrs: ReadonlyMap<string, Type> }).attrs.get(k)!),
          );
          if (!u) return undefined;
          attrs.set(k, u);
        }
        return objectOf(attrs);
      }
    }
    const all: Type[] = [];
    for (const t of types) {
      if (t.k === 'map') all.push(t.e);
      else if (t.k === 'object') all.push(...t.attrs.values());
    }
    const e = unify(all);
    return e ? mapOf(e) : undefined;
  }
  if ([...kinds].every((k) => k === 'tuple' || k === 'list' || k === 'set')) {
    if (kinds.size === 1 && first.k === 'tuple') {
      const n = first.elems.length;
      if (types.every((t) => (t as { readonly elems: readonly Type[] }).elems.length === n)) {
        const elems: Type[] = [];
        for (let i = 0; i < n; i++) {
          const u = unify(types.map((t) => (t as { readonly elems: readonly Type[] }).elems[i]!));
          if (!u) return undefined;
          elems.push(u);
        }
        return tupleOf(elems);
      }
    }
    const all: Type[] = [];
    for (const t of types) {
      if (t.k === 'tuple') all.push(...t.elems);
      else if (t.k === 'list' || t.k === 'set') all.push(t.e);
    }
    const e = unify(all);
    if (!e) return undefined;
    return kinds.has('set') && !kinds.has('list') && !kinds.has('tuple') ? setOf(e) : listOf(e);
  }
  return undefined;
}
