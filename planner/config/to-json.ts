import type { AttrValue } from '../../core/values.js';
import { unknownValue } from '../../core/values.js';
import { BigNum } from '../eval/number.js';
import { type Value, UNKNOWN, containsSensitive } from '../eval/value.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Extend an attribute path: "disk[0].volume_id", `labels["rack"]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENT.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** A number as a JSON number when exact enough, else its decimal string. */
export function numberToJson(n: BigNum): number | string {
  if (n.inf) return n.neg ? -Infinity : Infinity;
  const i = n.toSafeInteger();
  if (i !== undefined) return i;
  const s = n.toString();
  const f = Number(s);
  return f;
}

/** Convert an evaluated value to plain JSON for DesiredInstance.attributes, collecting sensitive paths. */
export function toAttrValue(v: Value, path: string, sensitivePaths: string[] | undefined): AttrValue {
  // Paths are only spelled out when there is a sensitive value to record.
  return toJson(v, path, sensitivePaths && containsSensitive(v) ? sensitivePaths : undefined);
}

function toJson(v: Value, path: string, sensitivePaths: string[] | undefined): AttrValue {
  if (v.sens && sensitivePaths) {
    sensitivePaths.push(path);
    sensitivePaths = undefined; // everything below is covered
  }
  const raw = v.v;
  if (raw === null) return null;
  if (raw === UNKNOWN) return unknownValue;
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (raw instanceof BigNum) return numberToJson(raw) as number;
  if (Array.isArray(raw))
    return raw.map((e, i) => toJson(e, sensitivePaths ? childPath(path, i) : '', sensitivePaths));
  const out: { [k: string]: AttrValue } = {};
  for (const [k, e] of raw) out[k] = toJson(e, sensitivePaths ? childPath(path, k) : '', sensitivePaths);
  return out;
}
