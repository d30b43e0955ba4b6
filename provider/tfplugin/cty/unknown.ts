/**
 * A value not known until apply. Terraform sends it as msgpack extension 0, or 12 with
 * refinements (known prefix, not null, number bounds); the extension bytes are kept so a
 * refined unknown goes back to Terraform exactly as it came.
 */
export class Unknown {
  constructor(
    readonly extType: number = 0,
    readonly data: Uint8Array = new Uint8Array(0),
  ) {}
}

export const UNKNOWN = new Unknown();

export function isUnknownValue(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** Whether v or anything inside it is unknown. */
export function containsUnknown(v: unknown): boolean {
  if (v instanceof Unknown) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === 'object') return Object.values(v).some(containsUnknown);
  return false;
}
