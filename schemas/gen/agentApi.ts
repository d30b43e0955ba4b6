import type { JsonSchema } from '../jsonSchema.js';
import { deref, resolveRef } from '../refs.js';
import { emitInterface, type Emitter, tsType } from './tsEmitter.js';

export const AGENT_API_HEADER =
  '// Generated from schemas/agent-api/*.schema.json by schemas/gen/main.ts — do not edit.\n' +
  '// Regenerate: npm run build && node dist/schemas/gen/main.js\n';

/** The agent API's messages: every schema with properties (the shared definitions file has none). */
function messages(schemas: ReadonlyMap<string, JsonSchema>): Array<[string, JsonSchema]> {
  return [...schemas.entries()].filter(([, s]) => s.properties).sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Shared definitions named in PascalCase become type aliases: "agent.defs#/$defs/VolumeFormat" → VolumeFormat. */
function definitionAliases(schemas: ReadonlyMap<string, JsonSchema>): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of schemas.values()) {
    const defs = (s.$defs ?? {}) as Record<string, JsonSchema>;
    for (const name of Object.keys(defs).sort()) {
      if (/^[A-Z]/.test(name)) out.set(`${String(s.$id)}#/$defs/${name}`, name);
    }
  }
  return out;
}

/** TypeScript interfaces of the agent HTTP API, one per schema, named by its title. */
export function generateAgentApiTypes(schemas: ReadonlyMap<string, JsonSchema>): string {
  const titles = new Map([...schemas.values()].map((s) => [String(s.$id), String(s.title)]));
  const aliases = definitionAliases(schemas);
  const e: Emitter = {
    out: [],
    refName: (ref) => (ref.includes('#') ? aliases.get(ref) : titles.get(ref)),
  };
  for (const [ref, name] of aliases) {
    e.out.push(
      `export type ${name} = ${tsType(resolveRef(ref), { ...e, refName: () => undefined }, name, 'wire')};\n`,
    );
  }
  for (const [title, schema] of messages(schemas)) emitInterface(title, schema, e, 'wire');
  const inventory = [...schemas.values()].find((x) => x.title === 'Inventory');
  const volatile = inventory ? volatilePaths(inventory) : [];
  e.out.push(
    '/**\n * Where an Inventory carries usage figures that change on their own (x-nssv-volatile): left\n' +
      ' * out of its entity tag. `*` is every item of an array.\n */\n' +
      `export const INVENTORY_VOLATILE_PATHS: readonly (readonly string[])[] = ${JSON.stringify(volatile)};\n`,
  );
  return `${AGENT_API_HEADER}\n${e.out.join('\n')}`;
}

/** The paths, inside data valid against `schema`, of the values marked x-nssv-volatile. */
export function volatilePaths(schema: JsonSchema, at: readonly string[] = []): string[][] {
  const s = deref(schema);
  if (s['x-nssv-volatile'] === true) return [[...at]];
  const out: string[][] = [];
  for (const [key, sub] of Object.entries(s.properties ?? {})) out.push(...volatilePaths(sub, [...at, key]));
  if (s.items && typeof s.items === 'object') out.push(...volatilePaths(s.items as JsonSchema, [...at, '*']));
  for (const branch of [
    ...((s.anyOf as JsonSchema[] | undefined) ?? []),
    ...((s.oneOf as JsonSchema[] | undefined) ?? []),
  ])
    out.push(...volatilePaths(branch, at));
  return out;
}

/** One validator per agent API message, typed by the generated interface. */
export function generateAgentApiValidators(schemas: ReadonlyMap<string, JsonSchema>): string {
  const names = messages(schemas).map(([t]) => t);
  const lines = names.map((t) => `  ${t}: agentApiCheck<T.${t}>('${t}'),`);
  return (
    `${AGENT_API_HEADER}\n` +
    `import { agentApiCheck } from '../agentApiCheck.js';\n` +
    `import type * as T from './agentApi.js';\n\n` +
    `/** Validators of every agent API message (compiled on first use). */\n` +
    `export const agentApi = {\n${lines.join('\n')}\n} as const;\n`
  );
}
