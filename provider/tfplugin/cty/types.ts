/**
 * Terraform's value types (cty), in the JSON form the plugin protocol carries them in:
 * "string", "number", "bool", ["list", T], ["set", T], ["map", T], ["object", {name: T}].
 */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', CtyType]
  | readonly ['object', Readonly<Record<string, CtyType>>];

export const listOf = (t: CtyType): CtyType => ['list', t];
export const mapOf = (t: CtyType): CtyType => ['map', t];
export const objectOf = (attrs: Record<string, CtyType>): CtyType => ['object', attrs];

/** The bytes of Schema.Attribute.type: the type's JSON. */
export function typeBytes(t: CtyType): Buffer {
  return Buffer.from(JSON.stringify(t), 'utf8');
}
