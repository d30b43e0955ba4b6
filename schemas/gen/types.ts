import type { JsonSchema } from '../jsonSchema.js';
import { pascal } from './names.js';
import { doc, emitInterface, type Emitter, tsType } from './tsEmitter.js';

export const GENERATED_HEADER =
  '// Generated from schemas/*.schema.json by schemas/gen/main.ts — do not edit.\n' +
  '// Regenerate: npm run build && node dist/schemas/gen/main.js\n';

/**
 * TypeScript types for every resource type: XxxArgs (what a configuration sets), XxxAttributes
 * (plus computed) and XxxPlanned (what a resource handler gets: defaults filled, computed resolved).
 */
export function generateTypes(schemas: ReadonlyMap<string, JsonSchema>): string {
  const e: Emitter = { out: [], refName: () => undefined };
  const types = [...schemas.keys()].sort();
  for (const type of types) {
    const schema = schemas.get(type)!;
    const base = pascal(type);
    emitInterface(`${base}Args`, schema, e, 'args');
    const readOnly = Object.entries(schema.properties ?? {}).filter(([, p]) => p.readOnly);
    const fields = readOnly.map(
      ([prop, p]) => `${doc(p, '  ')}  readonly ${prop}: ${tsType(p, e, `${base}${pascal(prop)}`, 'args')};`,
    );
    e.out.push(
      `/** ${type} as nssv records it: the arguments plus the attributes nssv computes. */\n` +
        `export interface ${base}Attributes extends ${base}Args {\n${fields.join('\n')}\n}\n`,
    );
    emitInterface(
      base,
      {
        ...schema,
        description: `${type} as a resource handler gets it: defaults filled in, computed attributes resolved.`,
      },
      e,
      'planned',
    );
  }
  const map = types.map((t) => `  ${t}: ${pascal(t)}Args;`).join('\n');
  e.out.push(
    `/** Arguments of every resource type, by type name. */\nexport interface ResourceArgs {\n${map}\n}\n`,
  );
  const planned = types.map((t) => `  ${t}: ${pascal(t)}Planned;`).join('\n');
  e.out.push(
    `/** Planned attributes of every resource type, by type name. */\nexport interface ResourcePlanned {\n${planned}\n}\n`,
  );
  e.out.push(`export type ResourceType = keyof ResourceArgs;\n`);
  e.out.push(`export const RESOURCE_TYPES: readonly ResourceType[] = ${JSON.stringify(types)};\n`);
  return `${GENERATED_HEADER}\n${e.out.join('\n')}`;
}
