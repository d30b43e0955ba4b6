import type { JsonSchema } from '../jsonSchema.js';
import { pascal } from './names.js';

export const GENERATED_HEADER =
  '// Generated from schemas/*.schema.json by schemas/gen/main.ts — do not edit.\n' +
  '// Regenerate: npm run build && node dist/schemas/gen/main.js\n';

function literal(v: unknown): string {
  return JSON.stringify(v);
}

function doc(p: JsonSchema, indent: string): string {
  const lines = [p.description ?? ''];
  if (p.default !== undefined) lines.push(`@default ${JSON.stringify(p.default)}`);
  if (p['x-nssv-force-new']) lines.push('Changing it replaces the resource.');
  if (p['x-nssv-sensitive']) lines.push('Sensitive.');
  const body = lines.filter(Boolean);
  return `${indent}/**\n${body.map((l) => `${indent} * ${l.replace(/\*\//g, '*\\/')}`).join('\n')}\n${indent} */\n`;
}

interface Ctx {
  out: string[];
}

function tsType(p: JsonSchema, ctx: Ctx, nestedName: string): string {
  const types = Array.isArray(p.type) ? p.type : p.type ? [p.type] : [];
  const parts = types.map((t) => {
    if (p.enum && t !== 'null')
      return p.enum
        .filter((e) => e !== null)
        .map(literal)
        .join(' | ');
    switch (t) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array': {
        const item = p.items ?? {};
        const inner = item.properties
          ? emitInterface(nestedName, item, ctx, false)
          : tsType(item, ctx, `${nestedName}Item`);
        return inner.includes(' ') ? `Array<${inner}>` : `${inner}[]`;
      }
      case 'object':
        if (p.properties) return emitInterface(nestedName, p, ctx, false);
        if (typeof p.additionalProperties === 'object')
          return `Record<string, ${tsType(p.additionalProperties, ctx, `${nestedName}Value`)}>`;
        return 'Record<string, unknown>';
      default:
        return 'unknown';
    }
  });
  return parts.length ? parts.join(' | ') : 'unknown';
}

/** Emits `export interface Name` for an object schema (arguments only, or with read-only attributes) and returns Name. */
function emitInterface(name: string, schema: JsonSchema, ctx: Ctx, withReadOnly: boolean): string {
  const required = new Set(schema.required ?? []);
  const fields: string[] = [];
  for (const [prop, p] of Object.entries(schema.properties ?? {})) {
    if (p.readOnly && !withReadOnly) continue;
    const optional = !required.has(prop) && !p.readOnly;
    const ro = p.readOnly ? 'readonly ' : '';
    fields.push(
      `${doc(p, '  ')}  ${ro}${prop}${optional ? '?' : ''}: ${tsType(p, ctx, `${name.replace(/Args$/, '')}${pascal(prop)}`)};`,
    );
  }
  ctx.out.push(
    `${schema.description && !withReadOnly ? doc(schema, '') : ''}export interface ${name} {\n${fields.join('\n')}\n}\n`,
  );
  return name;
}

/** TypeScript types for every resource type: XxxArgs (what a configuration sets) and XxxAttributes (plus computed). */
export function generateTypes(schemas: ReadonlyMap<string, JsonSchema>): string {
  const ctx: Ctx = { out: [] };
  const types = [...schemas.keys()].sort();
  for (const type of types) {
    const schema = schemas.get(type)!;
    const base = pascal(type);
    emitInterface(`${base}Args`, schema, ctx, false);
    const readOnly = Object.entries(schema.properties ?? {}).filter(([, p]) => p.readOnly);
    const fields = readOnly.map(
      ([prop, p]) => `${doc(p, '  ')}  readonly ${prop}: ${tsType(p, ctx, `${base}${pascal(prop)}`)};`,
    );
    ctx.out.push(
      `/** ${type} as nssv records it: the arguments plus the attributes nssv computes. */\n` +
        `export interface ${base}Attributes extends ${base}Args {\n${fields.join('\n')}\n}\n`,
    );
  }
  const map = types.map((t) => `  ${t}: ${pascal(t)}Args;`).join('\n');
  ctx.out.push(
    `/** Arguments of every resource type, by type name. */\nexport interface ResourceArgs {\n${map}\n}\n`,
  );
  ctx.out.push(`export type ResourceType = keyof ResourceArgs;\n`);
  ctx.out.push(`export const RESOURCE_TYPES: readonly ResourceType[] = ${JSON.stringify(types)};\n`);
  return `${GENERATED_HEADER}\n${ctx.out.join('\n')}`;
}
