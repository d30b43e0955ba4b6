import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonSchema } from './jsonSchema.js';

/** Where the *.schema.json files are, from source (schemas/) or from the build (dist/schemas/). */
function schemasDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'schemas');
    if (existsSync(join(dir, 'nssv_vm.schema.json'))) return dir;
    if (existsSync(join(candidate, 'nssv_vm.schema.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('bug: cannot find the schemas directory (nssv_vm.schema.json)');
}

let cache: Map<string, JsonSchema> | undefined;

function load(): Map<string, JsonSchema> {
  if (cache) return cache;
  const dir = schemasDir();
  const map = new Map<string, JsonSchema>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.schema.json')) continue;
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonSchema;
    map.set(schema.title ?? file.replace('.schema.json', ''), schema);
  }
  cache = map;
  return map;
}

/** Every resource type nssv knows, sorted. */
export function resourceTypes(): string[] {
  return [...load().keys()];
}

export function findResourceSchema(type: string): JsonSchema | undefined {
  return load().get(type);
}

export function resourceSchema(type: string): JsonSchema {
  const s = findResourceSchema(type);
  if (!s) throw new Error(`bug: no schema for resource type ${type}`);
  return s;
}

/** Schema of the attribute at a path such as ["disk", "volume_id"] (array items are stepped into). */
export function attributeSchema(type: string, path: readonly string[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = findResourceSchema(type);
  for (const key of path) {
    while (node && node.items && !node.properties) node = node.items;
    node = node?.properties?.[key];
  }
  return node;
}
