import { BigNum } from './number.js';
import { NUMBER, STRING } from './types.js';
import type { Value } from './value.js';

/**
 * What `for` expressions and `%{for}` template directives iterate over, as (key, value) pairs:
 * (index, element) for lists and tuples, (element, element) for sets, (key, element) for maps
 * and objects. Undefined for a value that cannot be iterated (the caller reports it in its words).
 * The collection must be known and not null.
 */
export function iterationPairs(coll: Value): Array<[Value, Value]> | undefined {
  const k = coll.t.k;
  if (k === 'list' || k === 'tuple')
    return (coll.v as Value[]).map((v, i) => [{ t: NUMBER, v: BigNum.fromInt(i) }, v]);
  if (k === 'set') return (coll.v as Value[]).map((v) => [v, v]);
  if (k === 'map' || k === 'object')
    return [...(coll.v as Map<string, Value>)].map(([key, v]) => [{ t: STRING, v: key }, v]);
  return undefined;
}

/** The symbols one iteration binds: the key variable (when the loop names one) and the value variable. */
export function iterationSymbols(
  keyVar: string | undefined,
  valVar: string,
  key: Value,
  value: Value,
): Map<string, Value> {
  const sym = new Map<string, Value>();
  if (keyVar !== undefined) sym.set(keyVar, key);
  sym.set(valVar, value);
  return sym;
}
