import { annotationsOf } from '../annotationView.js';
import type { JsonSchema } from '../jsonSchema.js';
import type { Rule } from '../rules/types.js';

const HEADER = '<!-- Generated from schemas/ by schemas/gen/main.ts — do not edit. -->\n';

function typeName(p: JsonSchema): string {
  const types = Array.isArray(p.type) ? p.type : p.type ? [p.type] : [];
  const main = types.filter((t) => t !== 'null');
  if (p['x-nssv-block']) return p.maxItems === 1 ? 'block (at most one)' : 'block (repeatable)';
  const names = main.map((t) => {
    if (p.enum)
      return p.enum
        .filter((e) => e !== null)
        .map((e) => `\`${JSON.stringify(e)}\``)
        .join(', ');
    if (t === 'array') return `list(${typeName(p.items ?? {})})`;
    if (t === 'object')
      return `map(${typeName(typeof p.additionalProperties === 'object' ? p.additionalProperties : {})})`;
    if (t === 'integer') return 'number (whole)';
    if (t === 'boolean') return 'bool';
    if (t === 'string' && p.format === 'ipv4') return 'string (IPv4 address)';
    return t;
  });
  return names.join(' or ') || 'any';
}

function range(p: JsonSchema): string {
  if (p.minimum !== undefined && p.maximum !== undefined) return ` ${p.minimum}–${p.maximum}`;
  return '';
}

const NOT_YET = '**Not supported yet:** plan refuses any value but the default.';

/** The description cell, saying first what plan refuses today (x-nssv-not-supported-yet*). */
function describe(p: JsonSchema): string {
  const a = annotationsOf(p);
  const refused = a.refusedValues.map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  const notes = [
    ...(a.notSupportedYet ? [NOT_YET] : []),
    ...(refused ? [`**Not supported yet:** ${refused} (plan refuses it).`] : []),
  ];
  return [...notes, p.description ?? ''].filter(Boolean).join(' ');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(
  schema: JsonSchema,
  prefix: string,
  rows: string[],
  blocks: Array<[string, JsonSchema]>,
): void {
  const required = new Set(schema.required ?? []);
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    if (p.readOnly) continue;
    const path = `${prefix}${name}`;
    const req = required.has(name) ? 'required' : p['x-nssv-computed'] ? 'optional (computed)' : 'optional';
    const def = p.default === undefined ? '' : `\`${JSON.stringify(p.default)}\``;
    rows.push(
      `| \`${path}\` | ${cell(typeName(p) + range(p))} | ${req} | ${cell(def)} | ${p['x-nssv-force-new'] ? 'yes' : ''} | ${p['x-nssv-sensitive'] ? 'yes' : ''} | ${cell(describe(p))} |`,
    );
    if (p['x-nssv-block'] && p.items?.properties) blocks.push([path, p.items]);
  }
}

const TABLE_HEAD =
  '| Name | Type | Required | Default | Forces replacement | Sensitive | Description |\n' +
  '|---|---|---|---|---|---|---|';

/** Reference page for one resource type. */
export function generateDoc(
  type: string,
  schema: JsonSchema,
  example: string,
  rules: readonly Rule[],
): string {
  const out: string[] = [HEADER, `# ${type}\n`, `${schema.description ?? ''}\n`];
  if (annotationsOf(schema).notSupportedYet) {
    out.push(
      "> **Not supported yet:** `nssv validate` accepts this type (it is part of the resource model), but `nssv plan` refuses it: this version's agents cannot create it.\n",
    );
  }
  out.push('## Example\n', '```hcl', example.trimEnd(), '```\n');
  out.push('## Arguments\n', TABLE_HEAD);
  const rows: string[] = [];
  const blocks: Array<[string, JsonSchema]> = [];
  table(schema, '', rows, blocks);
  out.push(...rows, '');
  for (const [path, item] of blocks) {
    out.push(`### \`${path}\` block\n`, TABLE_HEAD);
    const r: string[] = [];
    table(item, `${path}.`, r, []);
    out.push(...r, '');
  }
  const computed = Object.entries(schema.properties ?? {}).filter(([, p]) => p.readOnly);
  out.push('## Computed attributes\n');
  out.push('| Name | Type | Description |', '|---|---|---|');
  for (const [name, p] of computed)
    out.push(`| \`${name}\` | ${cell(typeName(p))} | ${cell(p.description ?? '')} |`);
  out.push('');
  if (rules.length) {
    out.push('## Constraints\n', 'Checked by `nssv validate` (and every plan), all reported together:\n');
    const seen = new Set<string>();
    for (const r of rules) {
      const line = `- ${r.says[0]!.toUpperCase()}${r.says.slice(1)} (\`${r.code}\`).`;
      if (!seen.has(line)) out.push(line);
      seen.add(line);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function generateIndex(types: readonly string[], schemas: ReadonlyMap<string, JsonSchema>): string {
  const rows = types.map((t) => `| [\`${t}\`](${t}.md) | ${cell(schemas.get(t)?.description ?? '')} |`);
  return `${HEADER}\n# Resource types\n\n| Type | Description |\n|---|---|\n${rows.join('\n')}\n`;
}
