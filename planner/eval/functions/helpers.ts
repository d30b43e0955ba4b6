import { BigNum } from '../number.js';
import { NUMBER, STRING, listOf } from '../types.js';
import { type Value, num } from '../value.js';

export const s = (v: Value): string => v.v as string;
export const n = (v: Value): BigNum => v.v as BigNum;
export const strValue = (x: string): Value => ({ t: STRING, v: x });
export const strList = (xs: string[]): Value => ({ t: listOf(STRING), v: xs.map(strValue) });
export const numValue = (x: number | bigint): Value =>
  num(typeof x === 'bigint' ? BigNum.fromBigInt(x) : BigNum.fromInt(x));
export const numList = (xs: BigNum[]): Value => ({ t: listOf(NUMBER), v: xs.map(num) });
export const items = (v: Value): Value[] =>
  Array.isArray(v.v) ? v.v : v.v instanceof Map ? [...v.v.values()] : [];

/** A whole number argument as a JS number, or an error in Terraform's words. */
export function intArg(v: Value, what: string): number {
  const x = n(v);
  if (!x.isInteger()) throw new Error(`invalid ${what}: must be a whole number`);
  return Number(x.toBigInt());
}

/** Split a string into user-perceived characters (grapheme clusters). */
export function graphemes(str: string): string[] {
  const Seg = (
    Intl as unknown as {
      Segmenter?: new (l?: string, o?: object) => { segment(s: string): Iterable<{ segment: string }> };
    }
  ).Segmenter;
  if (Seg) return [...new Seg(undefined, { granularity: 'grapheme' }).segment(str)].map((x) => x.segment);
  return [...str];
}
