import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../core/values.js';
import { UNKNOWN, Unknown } from './cty/unknown.js';
import type { TfObject, TfValue } from './cty/value.js';

/**
 * Terraform's object (every attribute present, null when unset) to nssv attributes (unset ones
 * absent, as the planner and handlers expect); Terraform unknowns become {"$unknown": true}.
 */
export function toAttributes(v: TfObject): Attributes {
  return object(v, false);
}

/** State (prior, planned) keeps its nulls: nssv's own state records defaults such as `ip = null` too. */
export function stateAttributes(v: TfObject): Attributes {
  return object(v, true);
}

function object(v: TfObject, keepNulls: boolean): Attributes {
  const out: Attributes = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null && !keepNulls) continue;
    out[k] = toAttr(x, keepNulls);
  }
  return out;
}

/**
 * nssv's unknown marker, carrying a refined unknown's extension bytes along (isUnknown() only
 * looks at "$unknown"), so refinements reach Terraform again intact.
 */
interface CarriedUnknown {
  readonly $unknown: true;
  readonly $cty: Unknown;
}

function toAttr(v: TfValue, keepNulls: boolean): AttrValue {
  if (v instanceof Unknown) {
    if (v.extType === 0 && v.data.length === 0) return unknownValue;
    return { $unknown: true, $cty: v } satisfies CarriedUnknown as unknown as AttrValue;
  }
  if (Array.isArray(v)) return v.map((x) => toAttr(x, keepNulls));
  if (v && typeof v === 'object') return object(v, keepNulls);
  return v;
}

/** nssv attributes back to a Terraform value (shape it with conform() for the wire). */
export function fromAttributes(a: Attributes): TfObject {
  const out: TfObject = {};
  for (const [k, v] of Object.entries(a)) out[k] = fromAttr(v);
  return out;
}

function fromAttr(v: AttrValue): TfValue {
  if (isUnknown(v)) return (v as unknown as Partial<CarriedUnknown>).$cty ?? UNKNOWN;
  if (Array.isArray(v)) return v.map(fromAttr);
  if (v && typeof v === 'object') return fromAttributes(v as Attributes);
  return v;
}
