import { BigNum } from '../number.js';
import { type Value, UNKNOWN } from '../value.js';

/** JSON text of a value, as Terraform's jsonencode writes it (Go escaping of <, >, &). */
export function jsonEncode(v: Value): string {
  const raw = v.v;
  if (raw === UNKNOWN) throw new Error('value is not known');
  if (raw === null) return 'null';
  if (typeof raw === 'string') return goJsonString(raw);
  if (typeof raw === 'boolean') return raw ? 'true' : 'false';
  if (raw instanceof BigNum) {
    if (raw.inf) throw new Error('cannot serialize infinity as JSON');
    return raw.toString();
  }
  if (Array.isArray(raw)) return '[' + raw.map(jsonEncode).join(',') + ']';
  return '{' + [...raw].map(([k, e]) => goJsonString(k) + ':' + jsonEncode(e)).join(',') + '}';
}

export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}
