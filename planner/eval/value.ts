import { BigNum } from './number.js';
import {
  BOOL,
  DYNAMIC,
  NUMBER,
  STRING,
  type Type,
  listOf,
  mapOf,
  objectOf,
  setOf,
  tupleOf,
} from './types.js';

/** Marker for a value not known until apply. */
export const UNKNOWN = Symbol('unknown');

export type Raw = null | typeof UNKNOWN | string | BigNum | boolean | Value[] | Map<string, Value>;

/**
 * A Terraform value: its type, its data and whether it is sensitive.
 * list/set/tuple hold Value[] (sets deduplicated and in Terraform's order);
 * map/object hold Map<string, Value> with keys in lexical order.
 */
export interface Value {
  readonly t: Type;
  readonly v: Raw;
  readonly sens?: boolean;
}

export const TRUE: Value = { t: BOOL, v: true };
export const FALSE: Value = { t: BOOL, v: false };
export const NULL: Value = { t: DYNAMIC, v: null };
export const DYNAMIC_UNKNOWN: Value = { t: DYNAMIC, v: UNKNOWN };

export const str = (s: string): Value => ({ t: STRING, v: s });
export const num = (n: BigNum): Value => ({ t: NUMBER, v: n });
export const int = (n: number): Value => ({ t: NUMBER, v: BigNum.fromInt(n) });
export const bool = (b: boolean): Value => (b ? TRUE : FALSE);
export const nullOf = (t: Type): Value => ({ t, v: null });
export const unknownOf = (t: Type): Value => ({ t, v: UNKNOWN });

export function isNull(v: Value): boolean {
  return v.v === null;
}
export function isKnown(v: Value): boolean {
  return v.v !== UNKNOWN;
}
/** Known all the way down. */
export function isWhollyKnown(v: Value): boolean {
  if (v.v === UNKNOWN) return false;
  if (Array.isArray(v.v)) return v.v.every(isWhollyKnown);
  if (v.v instanceof Map) {
    for (const e of v.v.values()) if (!isWhollyKnown(e)) return false;
  }
  return true;
}

export function sensitive(v: Value): Value {
  return v.sens ? v : { ...v, sens: true };
}
export function withSens(v: Value, sens: boolean | undefined): Value {
  return sens && !v.sens ? { ...v, sens: true } : v;
}
export function unmark(v: Value): Value {
  if (!v.sens) return v;
  return { t: v.t, v: v.v };
}
/** Sensitive anywhere inside. */
export function containsSensitive(v: Value): boolean {
  if (v.sens) return true;
  if (Array.isArray(v.v)) return v.v.some(containsSensitive);
  if (v.v instanceof Map) {
    for (const e of v.v.values()) if (containsSensitive(e)) return true;
  }
  return false;
}
/** Remove marks everywhere inside. */
export function deepUnmark(v: Value): Value {
  let raw = v.v;
  if (Array.isArray(raw)) raw = raw.map(deepUnmark);
  else if (raw instanceof Map) raw = new Map([...raw].map(([k, e]) => [k, deepUnmark(e)]));
  return { t: v.t, v: raw };
}

export function compareStrings(a: string, b: string): number {
  // Go compares strings bytewise (UTF-8); code point order matches that
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    if (x.value !== y.value) return x.value.codePointAt(0)! < y.value.codePointAt(0)! ? -1 : 1;
  }
}
function fastCompare(a: string, b: string): number {
  // ASCII fast path
  return a < b ? -1 : a > b ? 1 : 0;
}
export function keyCompare(a: string, b: string): number {
  const c = fastCompare(a, b);
  if (c === 0) return 0;
  // UTF-16 order differs from code point order only where a surrogate meets a char >= U+E000
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.charCodeAt(i) >= 0xd800 && b.charCodeAt(i) >= 0xd800) return compareStrings(a, b);
  return c;
}

/** The entries in key order (a fresh array: the caller may keep it). */
function sortedEntries(entries: Iterable<[string, Value]>): [string, Value][] {
  const arr = Array.from(entries);
  for (let i = 1; i < arr.length; i++) {
    if (keyCompare(arr[i - 1]![0], arr[i]![0]) > 0) {
      arr.sort((x, y) => keyCompare(x[0], y[0]));
      break;
    }
  }
  return arr;
}

export function sortedMap(entries: Iterable<[string, Value]>): Map<string, Value> {
  return new Map(sortedEntries(entries));
}

export function list(elemType: Type, items: Value[]): Value {
  return { t: listOf(elemType), v: items };
}
export function tuple(items: Value[]): Value {
  return { t: tupleOf(items.map((i) => i.t)), v: items };
}
export function object(entries: Iterable<[string, Value]>): Value {
  // One pass fills both maps while the keys come in order (they mostly do: this runs for every
  // resource instance and block); keys out of order sort everything, as sortedEntries does.
  const values = new Map<string, Value>();
  const types = new Map<string, Type>();
  let prev: string | undefined;
  const it = entries[Symbol.iterator]();
  for (let r = it.next(); !r.done; r = it.next()) {
    const [k, v] = r.value;
    if (prev !== undefined && keyCompare(prev, k) > 0) {
      const rest: [string, Value][] = [...values, [k, v]];
      for (let q = it.next(); !q.done; q = it.next()) rest.push(q.value);
      values.clear();
      types.clear();
      for (const [k2, v2] of sortedEntries(rest)) {
        values.set(k2, v2);
        types.set(k2, v2.t);
      }
      break;
    }
    values.set(k, v);
    types.set(k, v.t);
    prev = k;
  }
  return { t: objectOf(types), v: values };
}
export function map(elemType: Type, entries: Iterable<[string, Value]>): Value {
  return { t: mapOf(elemType), v: sortedMap(entries) };
}
/** A set: known elements deduplicated, in Terraform's order. */
export function set(elemType: Type, items: Value[]): Value {
  return { t: setOf(elemType), v: normalizeSet(items) };
}

/** cty orders set elements: strings lexically, numbers numerically, false before true; others by encoding. */
export function normalizeSet(items: Value[]): Value[] {
  const seen = new Map<string, Value>();
  const unknowns: Value[] = [];
  for (const it of items) {
    if (!isWhollyKnown(it)) {
      unknowns.push(it);
      continue;
    }
    const key = setKey(it);
    const prev = seen.get(key);
    if (!prev) seen.set(key, it);
    else if (it.sens && !prev.sens) seen.set(key, it);
  }
  const out = [...seen.values()];
  out.sort(setOrder);
  return out.concat(unknowns);
}

function setOrder(a: Value, b: Value): number {
  if (a.v === null || b.v === null) return a.v === null ? (b.v === null ? 0 : 1) : -1;
  if (typeof a.v === 'string' && typeof b.v === 'string') return compareStrings(a.v, b.v);
  if (a.v instanceof BigNum && b.v instanceof BigNum) return a.v.cmp(b.v);
  if (typeof a.v === 'boolean' && typeof b.v === 'boolean') return a.v === b.v ? 0 : a.v ? 1 : -1;
  return keyCompare(setKey(a), setKey(b));
}

/** A string identifying a known value for deduplication. */
export function setKey(v: Value): string {
  const raw = v.v;
  if (raw === null) return 'n';
  if (raw === UNKNOWN) return 'u';
  if (typeof raw === 'string') return 's' + JSON.stringify(raw);
  if (typeof raw === 'boolean') return raw ? 'T' : 'F';
  if (raw instanceof BigNum) return 'N' + raw.toString();
  if (Array.isArray(raw)) return '[' + raw.map(setKey).join(',') + ']';
  return '{' + [...raw].map(([k, e]) => JSON.stringify(k) + ':' + setKey(e)).join(',') + '}';
}

/** Elements of a list, set or tuple; values of a map or object. */
export function elements(v: Value): Value[] {
  if (Array.isArray(v.v)) return v.v;
  if (v.v instanceof Map) return [...v.v.values()];
  return [];
}

export function asString(v: Value): string {
  return v.v as string;
}
export function asNumber(v: Value): BigNum {
  return v.v as BigNum;
}
