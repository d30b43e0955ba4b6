import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonSchema } from './jsonSchema.js';

/**
 * The one schema loader: resource schemas (schemas/*.schema.json) and the agent HTTP API's
 * schemas (schemas/agent-api/*.schema.json), read once per process.
 */

/** Where the *.schema.json files are, from source (schemas/) or from any build output below the repository. */
export function schemasDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'schemas');
    if (existsSync(join(dir, 'nssv_vm.schema.json'))) return dir;
    if (existsSync(join(candidate, 'nssv_vm.schema.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(
    'nssv cannot find its resource schemas (schemas/nssv_vm.schema.json) in or above its own directory: the installation is incomplete. Install nssv again (in a clone: npm ci && npm run build)',
  );
}

/**
 * The schemas among a directory's file names, by title (file name without the suffix when
 * untitled), in file order; `read` gives a file's text, so callers without file access of
 * their own (the pure planner) pass theirs.
 */
export function parseSchemaFiles(
  names: readonly string[],
  read: (name: string) => string,
): Map<string, JsonSchema> {
  const map = new Map<string, JsonSchema>();
  for (const file of [...names].sort()) {
    if (!file.endsWith('.schema.json')) continue;
    const schema = JSON.parse(read(file)) as JsonSchema;
    map.set(schema.title ?? file.replace('.schema.json', ''), schema);
  }
  return map;
}

/** Every `*.schema.json` of a directory (see parseSchemaFiles). */
export function readSchemaDir(dir: string): Map<string, JsonSchema> {
  return parseSchemaFiles(readdirSync(dir), (file) => readFileSync(join(dir, file), 'utf8'));
}

let resources: Map<string, JsonSchema> | undefined;
let agentApi: Map<string, JsonSchema> | undefined;

function load(): Map<string, JsonSchema> {
  resources ??= readSchemaDir(schemasDir());
  return resources;
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

/** The agent HTTP API's schemas (request bodies, responses, shared definitions), by title. */
export function agentApiSchemas(): ReadonlyMap<string, JsonSchema> {
  agentApi ??= readSchemaDir(join(schemasDir(), 'agent-api'));
  return agentApi;
}

/** Every schema of both sets, for one ajv instance and for $ref resolution. */
export function allSchemas(): JsonSchema[] {
  return [...load().values(), ...agentApiSchemas().values()];
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
