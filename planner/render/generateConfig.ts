import { annotationsOf } from '../../schemas/annotationView.js';
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { resourceSchema } from '../../schemas/registry.js';
import type { Attributes, AttrValue } from '../../core/values.js';

/** One object to write a resource block for: its address, type, attributes and where it came from. */
export interface GeneratedResource {
  address: string;
  type: string;
  id: string;
  attributes: Attributes;
}

const IDENT = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

/** An HCL string literal: JSON escapes, and template sequences escaped ($${, %%{). */
function quote(s: string): string {
  return JSON.stringify(s).replace(/([$%])\{/g, (_m, c: string) => `${c}${c}{`);
}

function value(v: AttrValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(value).join(', ')}]`;
  const o = v as Record<string, AttrValue>;
  const entries = Object.keys(o)
    .sort()
    .map((k) => `${IDENT.test(k) ? k : quote(k)} = ${value(o[k]!)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The body of a block: settable attributes that differ from their defaults (aligned as terraform fmt does), then nested blocks. */
function body(schema: JsonSchema, attrs: Attributes, indent: string): string[] {
  const scalars: Array<[string, string]> = [];
  const notes: string[] = [];
  const blocks: string[][] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const a = annotationsOf(prop);
    const v = attrs[name];
    if (a.readOnly || a.notSupportedYet || v === undefined || v === null) continue;
    if (a.hasDefault && same(v, a.default)) continue;
    if (a.sensitive) {
      notes.push(`${indent}# ${name}: sensitive, not written here; set it (from a variable)`);
      continue;
    }
    if (a.block && Array.isArray(v) && prop.items) {
      for (const item of v) {
        if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
        blocks.push([
          `${indent}${name} {`,
          ...body(prop.items, item as Attributes, indent + '  '),
          `${indent}}`,
        ]);
      }
      continue;
    }
    scalars.push([name, value(v)]);
  }
  const width = Math.max(0, ...scalars.map(([k]) => k.length));
  const out = [...notes, ...scalars.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`)];
  for (const b of blocks) {
    if (out.length > 0) out.push('');
    out.push(...b);
  }
  return out;
}

/** Whether `address` can get a generated block: a root-module resource without an instance key. */
export function generatableAddress(address: string): boolean {
  return /^[a-z][a-z0-9_]*\.[a-zA-Z_][\w-]*$/.test(address);
}

/**
 * HCL for imported objects that have no resource block (nssv plan -generate-config-out), as
 * terraform fmt formats it. Deterministic: resources sorted by address, attributes in schema
 * order; defaults, computed and sensitive values left out.
 */
export function generateConfig(resources: readonly GeneratedResource[]): string {
  const out = [
    '# __generated__ by nssv',
    '# Please review these resources and move them into your main configuration files.',
  ];
  for (const r of [...resources].sort((a, b) =>
    a.address < b.address ? -1 : a.address > b.address ? 1 : 0,
  )) {
    const name = r.address.split('.')[1]!;
    out.push(
      '',
      `# __generated__ by nssv from ${quote(r.id)}`,
      `resource "${r.type}" "${name}" {`,
      ...body(resourceSchema(r.type), r.attributes, '  '),
      '}',
    );
  }
  return out.join('\n') + '\n';
}
