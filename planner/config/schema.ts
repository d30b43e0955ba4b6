import { annotationsOf } from '../../schemas/annotationView.js';
import type { JsonSchema as SchemaDoc } from '../../schemas/jsonSchema.js';
import { BOOL, DYNAMIC, NUMBER, STRING, type Type, listOf, mapOf, objectOf } from '../eval/types.js';

/** What the evaluator needs to know about a resource type, derived from its JSON Schema. */
export interface ResourceSchema {
  type: string;
  /** Attribute (or block) name → info. */
  props: Map<string, PropInfo>;
  idAttr: string;
}

export interface PropInfo {
  name: string;
  type: Type;
  block: boolean;
  default?: unknown;
  hasDefault: boolean;
  /** readOnly or x-nssv-computed: unknown until apply when not set. */
  computed: boolean;
  readOnly: boolean;
  sensitive: boolean;
  /** For blocks: the schema of one block's body. */
  item?: Map<string, PropInfo>;
}

type JsonSchema = Record<string, unknown>;

export function schemaType(s: JsonSchema | undefined): Type {
  if (!s) return DYNAMIC;
  const t = s['type'];
  switch (t) {
    case 'string':
      return STRING;
    case 'integer':
    case 'number':
      return NUMBER;
    case 'boolean':
      return BOOL;
    case 'array': {
      const items = s['items'] as JsonSchema | undefined;
      return listOf(schemaType(items));
    }
    case 'object': {
      const props = s['properties'] as Record<string, JsonSchema> | undefined;
      if (props && Object.keys(props).length > 0) {
        return objectOf(new Map(Object.entries(props).map(([k, v]) => [k, schemaType(v)])));
      }
      const ap = s['additionalProperties'];
      return mapOf(typeof ap === 'object' && ap !== null ? schemaType(ap as JsonSchema) : DYNAMIC);
    }
    default:
      return DYNAMIC;
  }
}

function propInfos(props: Record<string, JsonSchema>): Map<string, PropInfo> {
  const out = new Map<string, PropInfo>();
  for (const [name, s] of Object.entries(props)) {
    const a = annotationsOf(s as SchemaDoc);
    const block = a.block;
    const info: PropInfo = {
      name,
      type: schemaType(s),
      block,
      hasDefault: a.hasDefault,
      computed: a.computed,
      readOnly: a.readOnly,
      sensitive: a.sensitive,
    };
    if (a.hasDefault) info.default = a.default;
    if (block) {
      const items = s['items'] as JsonSchema | undefined;
      info.item = propInfos((items?.['properties'] as Record<string, JsonSchema> | undefined) ?? {});
    }
    out.set(name, info);
  }
  return out;
}

/** Build a ResourceSchema from a parsed `schemas/<type>.schema.json`. */
export function resourceSchema(json: JsonSchema): ResourceSchema {
  const type = String(json['title'] ?? json['$id']);
  return {
    type,
    props: propInfos((json['properties'] as Record<string, JsonSchema> | undefined) ?? {}),
    idAttr: String(json['x-nssv-id'] ?? 'name'),
  };
}
