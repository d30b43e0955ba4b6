/**
 * The L1 construct classes (constructs/l1/nssv_*.ts): one per resource type, props in camelCase as
 * cdktf's generated bindings spell them (memoryMib, clusterId, nested blocks as arrays of objects),
 * TSDoc from the schema descriptions, an attribute getter (a token) per attribute. Behaviour lives in
 * the hand-written base class constructs/l1/resource.ts; these files only carry the shapes.
 */
import { annotationsOf } from '../annotationView.js';
import type { JsonSchema } from '../jsonSchema.js';
import { pascal } from './names.js';
import { literalUnion, SCALAR_TYPES } from './tsEmitter.js';

export const CONSTRUCTS_HEADER =
  '// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.\n' +
  '// Regenerate: npm run build && node dist/schemas/gen/main.js\n';

/** Members of TerraformResource an attribute getter must not shadow. */
const RESERVED = new Set([
  'node',
  'count',
  'provider',
  'lifecycle',
  'dependsOn',
  'forEach',
  'fqn',
  'connection',
  'provisioners',
  'friendlyUniqueId',
  'terraformResourceType',
  'terraformMetaArguments',
  'terraformGeneratorMetadata',
  'cdktfStack',
  'nssvType',
  'nssvAttributes',
]);

function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function types(p: JsonSchema): string[] {
  const t = Array.isArray(p.type) ? p.type : p.type ? [p.type] : [];
  return t.filter((x) => x !== 'null');
}

function doc(p: JsonSchema, indent: string, extra: string[] = []): string {
  const lines = [...(p.description ?? '').split('\n'), ...extra];
  if (p.minimum !== undefined && p.maximum !== undefined) lines.push(`Allowed: ${p.minimum}–${p.maximum}.`);
  if (p.enum)
    lines.push(
      `Allowed: ${p.enum
        .filter((e) => e !== null)
        .map((e) => JSON.stringify(e))
        .join(', ')}.`,
    );
  const a = annotationsOf(p);
  if (a.refusedValues.length)
    lines.push(
      `\`nssv plan\` refuses ${a.refusedValues.map((v) => JSON.stringify(v)).join(', ')} today (the agents do not apply it yet).`,
    );
  if (a.notSupportedYet)
    lines.push('`nssv plan` refuses it today (the agents do not apply it yet); `nssv validate` accepts it.');
  if (a.hasDefault) lines.push(`@default ${JSON.stringify(a.default)}`);
  if (a.forceNew) lines.push('Changing it replaces the resource.');
  const body = lines.filter(Boolean).map((l) => l.replace(/\*\//g, '*\\/'));
  return `${indent}/**\n${body.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} */\n`;
}

function propType(p: JsonSchema, nested: string, out: string[]): string {
  if (annotationsOf(p).block && p.items?.properties) {
    emitBlock(nested, p.items, out);
    return `${nested}[] | IResolvable`;
  }
  const [t] = types(p);
  if (p.enum) return literalUnion(p.enum);
  // A bool prop may be a token (IResolvable); other scalars carry tokens as strings and numbers.
  if (t === 'boolean') return 'boolean | IResolvable';
  if (t !== 'null' && t !== undefined && SCALAR_TYPES[t]) return SCALAR_TYPES[t];
  switch (t) {
    case 'array':
      return `${propType(p.items ?? {}, `${nested}Item`, out)}[]`;
    case 'object':
      return '{ [key: string]: string }';
    default:
      throw new Error(`bug: schema type ${String(t)} has no construct prop type (${nested})`);
  }
}

function fields(schema: JsonSchema, prefix: string, out: string[]): string[] {
  const required = new Set(schema.required ?? []);
  const lines: string[] = [];
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    if (annotationsOf(p).readOnly) continue;
    const t = propType(p, `${prefix}${pascal(name)}`, out);
    lines.push(`${doc(p, '  ')}  readonly ${camel(name)}${required.has(name) ? '' : '?'}: ${t};`);
  }
  return lines;
}

function emitBlock(name: string, schema: JsonSchema, out: string[]): void {
  const body = fields(schema, name, out);
  out.push(`${doc(schema, '')}export interface ${name} {\n${body.join('\n')}\n}\n`);
}

function getter(name: string, p: JsonSchema): string {
  const g = camel(name);
  if (RESERVED.has(g)) throw new Error(`bug: attribute ${name} would shadow TerraformResource.${g}`);
  const [t] = types(p);
  let body: string;
  let ret: string;
  if (annotationsOf(p).block || (t === 'array' && p.items?.type === 'object')) {
    [ret, body] = ['IResolvable', `this.interpolationForAttribute('${name}')`];
  } else if (t === 'array' && types(p.items ?? {})[0] === 'integer') {
    [ret, body] = ['number[]', `this.getNumberListAttribute('${name}')`];
  } else if (t === 'array') {
    [ret, body] = ['string[]', `this.getListAttribute('${name}')`];
  } else if (t === 'integer' || t === 'number') {
    [ret, body] = ['number', `this.getNumberAttribute('${name}')`];
  } else if (t === 'boolean') {
    [ret, body] = ['IResolvable', `this.getBooleanAttribute('${name}')`];
  } else if (t === 'object') {
    [ret, body] = ['{ [key: string]: string }', `this.getStringMapAttribute('${name}')`];
  } else {
    [ret, body] = ['string', `this.getStringAttribute('${name}')`];
  }
  const what = annotationsOf(p).readOnly ? 'Computed by nssv' : 'As configured, or as nssv computed it';
  return `${doc({ description: `\`${name}\` (a token until Terraform runs). ${what}: ${p.description ?? ''}` }, '  ')}  public get ${g}(): ${ret} {\n    return ${body};\n  }\n`;
}

/** constructs/l1/<type>.ts for one resource type. */
export function generateL1(type: string, schema: JsonSchema): string {
  const cls = pascal(type);
  const out: string[] = [];
  const configFields = fields(schema, cls, out);
  const getters = Object.entries(schema.properties ?? {}).map(([n, p]) => getter(n, p));
  const usesResolvable = [...out, ...configFields, ...getters].some((s) => s.includes('IResolvable'));
  const imports = [
    "import type { Construct } from 'constructs';",
    usesResolvable ? "import type { IResolvable } from '../cdk/types.js';" : '',
    "import { NssvResource, type NssvMetaArguments } from './resource.js';",
  ].filter(Boolean);
  const config =
    `${doc({ description: `Props of {@link ${cls}}: the attributes of \`${type}\` in camelCase, plus Terraform's meta-arguments.` }, '')}` +
    `export interface ${cls}Config extends NssvMetaArguments {\n${configFields.join('\n')}\n}\n`;
  const klass =
    `${doc(schema, '', [`The \`${type}\` resource (L1: one Terraform resource, props as in the schema).`])}` +
    `export class ${cls} extends NssvResource {\n` +
    `  /** The Terraform resource type. */\n  public static readonly tfResourceType = '${type}';\n\n` +
    `  public constructor(scope: Construct, id: string, config: ${cls}Config) {\n    super(scope, id, '${type}', config);\n  }\n\n` +
    `${getters.join('\n')}}\n`;
  return `${CONSTRUCTS_HEADER}\n${imports.join('\n')}\n\n${[...out, config, klass].join('\n')}`;
}

/** constructs/l1/index.ts: re-exports every L1 file. */
export function generateL1Index(types: readonly string[]): string {
  const lines = types.map((t) => `export * from './${t}.js';`);
  return `${CONSTRUCTS_HEADER}\nexport { NssvResource, type NssvMetaArguments } from './resource.js';\n${lines.join('\n')}\n`;
}
