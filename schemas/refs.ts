import type { JsonSchema } from './jsonSchema.js';
import { allSchemas } from './registry.js';

let byId: Map<string, JsonSchema> | undefined;

function ids(): Map<string, JsonSchema> {
  byId ??= new Map(allSchemas().map((s) => [String(s.$id), s]));
  return byId;
}

/** The schema a `$ref` names: "<$id>" or "<$id>#/json/pointer" (every $id nssv uses is a bare name). */
export function resolveRef(ref: string): JsonSchema {
  const [id, pointer = ''] = ref.split('#');
  let node: unknown = ids().get(id!);
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  if (!node || typeof node !== 'object')
    throw new Error(`bug: schema $ref ${JSON.stringify(ref)} resolves to nothing`);
  return node as JsonSchema;
}

/**
 * A schema with its `$ref` followed (transitively); keywords next to the `$ref` win, so an
 * annotation such as x-nssv-null-means stays on the referring schema.
 */
export function deref(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref !== 'string') return schema;
  const { $ref, ...rest } = schema;
  return { ...deref(resolveRef($ref as string)), ...rest };
}

/** The (dereferenced) schema of the value at a JSON pointer ("/disks/0/volume") inside data valid against `root`. */
export function schemaAt(root: JsonSchema, instancePath: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = deref(root);
  for (const raw of instancePath.split('/').slice(1)) {
    if (!node) return undefined;
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node.properties && key in node.properties) node = deref(node.properties[key]!);
    else if (node.items && /^\d+$/.test(key)) node = deref(node.items);
    else if (typeof node.additionalProperties === 'object') node = deref(node.additionalProperties);
    else return undefined;
  }
  return node;
}
