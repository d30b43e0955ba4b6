import type { BigNum } from './number.js';
import { friendlyName } from './types.js';
import { containsSensitive, UNKNOWN, type Value } from './value.js';

/**
 * What a diagnostic says of a value beside the expression it came from, as Terraform's do
 * ("var.size is 32", "var.names is list of string with 3 elements", "var.token has a sensitive
 * value"): short whatever the value's size, and never a sensitive value.
 */
export function valuePhrase(v: Value): string {
  if (containsSensitive(v)) return 'has a sensitive value';
  if (v.v === UNKNOWN) return `is a ${friendlyName(v.t)}, known only after apply`;
  if (v.v === null) return 'is null';
  switch (v.t.k) {
    case 'string':
      return `is ${JSON.stringify(v.v)}`;
    case 'number':
      return `is ${(v.v as BigNum).toString()}`;
    case 'bool':
      return `is ${String(v.v)}`;
    case 'object': {
      const n = (v.v as Map<string, Value>).size;
      return n === 0 ? 'is object with no attributes' : `is object with ${n} attribute${n === 1 ? '' : 's'}`;
    }
    default: {
      const n = Array.isArray(v.v) ? v.v.length : (v.v as Map<string, Value>).size;
      const name = friendlyName(v.t);
      return n === 0 ? `is empty ${name}` : `is ${name} with ${n} element${n === 1 ? '' : 's'}`;
    }
  }
}
