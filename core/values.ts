/**
 * Plain-JSON attribute values as the planner sees them after evaluation.
 * A value not known until apply is the marker object `{ "$unknown": true }`, so plans stay JSON.
 */
export interface UnknownValue {
  readonly $unknown: true;
}

export const unknownValue: UnknownValue = Object.freeze({ $unknown: true as const });

export function isUnknown(v: unknown): v is UnknownValue {
  return typeof v === 'object' && v !== null && (v as { $unknown?: unknown }).$unknown === true;
}

export type AttrValue =
  string | number | boolean | null | UnknownValue | AttrValue[] | { [key: string]: AttrValue };

export type Attributes = Record<string, AttrValue>;
