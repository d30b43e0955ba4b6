/**
 * The nssv annotation keywords resource schemas may carry (see JsonSchema in jsonSchema.ts).
 * Validators register them so ajv's strict mode stays on and still rejects typos in schemas.
 */
export const NSSV_KEYWORDS = [
  'x-nssv-force-new',
  'x-nssv-computed',
  'x-nssv-sensitive',
  'x-nssv-block',
  'x-nssv-reference',
  'x-nssv-id',
  'x-nssv-pattern-description',
  'x-nssv-unit',
  'x-nssv-rules',
  'x-nssv-not-supported-yet',
  'x-nssv-not-supported-yet-values',
  'x-nssv-agent-name',
  'x-nssv-allowed',
  'x-nssv-null-means',
  'x-nssv-unknown-field-path',
  'x-nssv-volatile',
] as const;

export type NssvKeyword = (typeof NSSV_KEYWORDS)[number];
