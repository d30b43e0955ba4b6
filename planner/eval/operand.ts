import type { SourceRange } from '../../core/diagnostic.js';
import { ConversionError, convert } from './convert.js';
import { fail } from './errors.js';
import { type Type, friendlyName } from './types.js';
import { type Value, UNKNOWN } from './value.js';

/** How an operand's problems are worded (object keys, if clauses, interpolations…). */
export interface OperandWords {
  nullSummary: string;
  nullDetail: string;
  typeSummary: string;
  /** The detail for a value of the wrong type, given that type's friendly name. */
  typeDetail: (given: string) => string;
}

/**
 * An evaluated operand converted to `type`; undefined when it is unknown (the caller decides what
 * an unknown makes of its result). A null operand, or one that does not convert, fails with the
 * operand's own words.
 */
export function operand(v: Value, type: Type, range: SourceRange, words: OperandWords): Value | undefined {
  if (v.v === null) fail('NSSV_CONFIG_NULL_VALUE', range, words.nullSummary, words.nullDetail);
  if (v.v === UNKNOWN) return undefined;
  try {
    return convert(v, type);
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    return fail('NSSV_CONFIG_INVALID_OPERAND', range, words.typeSummary, words.typeDetail(friendlyName(v.t)));
  }
}
