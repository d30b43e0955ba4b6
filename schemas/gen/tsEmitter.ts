import type { JsonSchema } from '../jsonSchema.js';
import { deref } from '../refs.js';
import { pascal } from './names.js';

/**
 * Which interface a schema becomes:
 * - 'args': what a configuration sets (defaulted and computed attributes optional, read-only ones left out);
 * - 'planned': what nssv hands a resource handler (defaults filled, computed ones resolved, read-only optional);
 * - 'wire': an agent API message (exactly its `required` list).
 */
export type Mode = 'args' | 'planned' | 'wire';

export interface Emitter {
  out: string[];
  /** Name of the type a `$ref` stands for, when it has its own interface; else the target is inlined. */
  refName(ref: string): string | undefined;
}

const SUFFIX: Record<Mode, string> = { args: '', planned: 'Planned', wire: '' };

export function doc(p: JsonSchema, indent: string, mode: Mode = 'args'): string {
  const lines = [p.description ?? ''];
  // Resource annotations say nothing about an agent API message that borrows the attribute's limits.
  if (mode !== 'wire') {
    if (p.default !== undefined) lines.push(`@default ${JSON.stringify(p.default)}`);
    if (p['x-nssv-force-new']) lines.push('Changing it replaces the resource.');
    if (p['x-nssv-sensitive']) lines.push('Sensitive.');
  }
  const body = lines.filter(Boolean);
  if (body.length === 0) return '';
  return `${indent}/**\n${body.map((l) => `${indent} * ${l.replace(/\*\//g, '*\\/')}`).join('\n')}\n${indent} */\n`;
}

/** The TypeScript type of each scalar JSON Schema type. */
export const SCALAR_TYPES: Readonly<Record<string, string | undefined>> = {
  string: 'string',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
  null: 'null',
};

/** An enum's values (null left out) as a union of TypeScript literal types: "a" | "b". */
export function literalUnion(values: readonly unknown[]): string {
  return values
    .filter((x) => x !== null)
    .map((x) => JSON.stringify(x))
    .join(' | ');
}

/** The TypeScript type of a schema; nested objects become interfaces named after their path. */
export function tsType(schema: JsonSchema, e: Emitter, nestedName: string, mode: Mode): string {
  if (typeof schema.$ref === 'string') {
    const named = e.refName(schema.$ref);
    if (named) return named;
  }
  const p = deref(schema);
  const types = Array.isArray(p.type) ? p.type : p.type ? [p.type] : [];
  const parts = types.map((t) => {
    if (p.enum && t !== 'null') return literalUnion(p.enum);
    const scalar = SCALAR_TYPES[t];
    if (scalar) return scalar;
    switch (t) {
      case 'array': {
        const item = p.items ?? {};
        const inner =
          deref(item).properties && !(typeof item.$ref === 'string' && e.refName(item.$ref))
            ? emitInterface(nestedName, deref(item), e, mode)
            : tsType(item, e, `${nestedName}Item`, mode);
        return inner.includes(' ') ? `Array<${inner}>` : `${inner}[]`;
      }
      case 'object':
        if (p.properties) return emitInterface(nestedName, p, e, mode);
        if (typeof p.additionalProperties === 'object')
          return `Record<string, ${tsType(p.additionalProperties, e, `${nestedName}Value`, mode)}>`;
        return 'Record<string, unknown>';
      default:
        return 'unknown';
    }
  });
  return parts.length ? parts.join(' | ') : 'unknown';
}

function isOptional(prop: string, p: JsonSchema, required: Set<string>, mode: Mode): boolean {
  if (mode === 'wire') return !required.has(prop);
  if (mode === 'args') return !required.has(prop) && !p.readOnly;
  if (p.readOnly) return true;
  return !required.has(prop) && p.default === undefined && !p['x-nssv-computed'];
}

/** Emits `export interface Name` (Name plus the mode's suffix) for an object schema and returns that name. */
export function emitInterface(
  baseName: string,
  schema: JsonSchema,
  e: Emitter,
  mode: Mode,
  withReadOnly = mode !== 'args',
): string {
  const name = `${baseName}${SUFFIX[mode]}`;
  const required = new Set(schema.required ?? []);
  const fields: string[] = [];
  for (const [prop, raw] of Object.entries(schema.properties ?? {})) {
    const p = deref(raw);
    if (p.readOnly && !withReadOnly) continue;
    const optional = isOptional(prop, p, required, mode);
    const ro = p.readOnly ? 'readonly ' : '';
    const nested = `${baseName.replace(/Args$/, '')}${pascal(prop)}`;
    fields.push(
      `${doc(p, '  ', mode)}  ${ro}${prop}${optional ? '?' : ''}: ${tsType(raw, e, nested, mode)};`,
    );
  }
  e.out.push(`${doc(schema, '')}export interface ${name} {\n${fields.join('\n')}\n}\n`);
  return name;
}
