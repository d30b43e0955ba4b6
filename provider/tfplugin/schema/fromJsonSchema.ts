import type { JsonSchema } from '../../../schemas/jsonSchema.js';
import type { CtyType } from '../cty/types.js';
import type { AttributeSchema, BlockSchema } from './block.js';

function types(s: JsonSchema): string[] {
  return Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
}

/** The Terraform type of a JSON Schema attribute (null in a type union only makes it optional). */
export function ctyTypeOf(s: JsonSchema): CtyType {
  const t = types(s).filter((x) => x !== 'null');
  switch (t[0]) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'array':
      return ['list', s.items ? ctyTypeOf(s.items) : 'string'];
    case 'object':
      if (s.properties) {
        const attrs: Record<string, CtyType> = {};
        for (const [k, v] of Object.entries(s.properties)) attrs[k] = ctyTypeOf(v);
        return ['object', attrs];
      }
      return [
        'map',
        typeof s.additionalProperties === 'object' ? ctyTypeOf(s.additionalProperties) : 'string',
      ];
    default:
      throw new Error(`bug: no Terraform type for JSON Schema type ${JSON.stringify(s.type)}`);
  }
}

/**
 * One resource schema from schemas/*.schema.json, as Terraform sees it: required attributes are
 * required; read-only ones computed; ones nssv fills (defaults, x-nssv-computed) optional and
 * computed (the plan shows the value nssv will use); x-nssv-block arrays nested list blocks.
 */
export function blockFromJsonSchema(schema: JsonSchema): BlockSchema {
  const required = new Set(schema.required ?? []);
  const out: BlockSchema = { attributes: [], blocks: [], description: schema.description ?? '' };
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (prop['x-nssv-block'] && prop.items) {
      out.blocks.push({
        name,
        block: blockFromJsonSchema(prop.items),
        minItems: prop.minItems ?? 0,
        maxItems: prop.maxItems ?? 0,
      });
      continue;
    }
    const readOnly = prop.readOnly === true;
    const isRequired = required.has(name) && !readOnly;
    const filled = prop.default !== undefined || prop['x-nssv-computed'] === true;
    const a: AttributeSchema = {
      name,
      type: ctyTypeOf(prop),
      description: prop.description ?? '',
      required: isRequired,
      optional: !isRequired && !readOnly,
      computed: readOnly || (!isRequired && filled),
      sensitive: prop['x-nssv-sensitive'] === true,
      forceNew: prop['x-nssv-force-new'] === true,
    };
    if (prop.default !== undefined) a.default = prop.default;
    out.attributes.push(a);
  }
  return out;
}
