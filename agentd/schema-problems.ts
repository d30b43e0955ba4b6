import type { ErrorObject } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../schemas/jsonSchema.js';
import { deref, schemaAt } from '../schemas/refs.js';
import { allowedText, pointerLabel, show, valueAt } from './schema-words.js';

/** The field a JSON pointer names, dotted ("/listen/port" → "listen.port"); '' for the whole document. */
function field(path: string): string {
  return pointerLabel(path, '').replace(/^\./, '');
}

/** Where a pointer stands in the schema's property order, for listing problems in the file's own order. */
function position(root: JsonSchema, path: string): number[] {
  const out: number[] = [];
  let node: JsonSchema | undefined = deref(root);
  for (const key of path.split('/').slice(1)) {
    const names = Object.keys(node?.properties ?? {});
    out.push(names.includes(key) ? names.indexOf(key) : names.length);
    node = node?.properties?.[key] ? deref(node.properties[key]) : undefined;
  }
  return out;
}

/** Shallower first (an object's unknown fields before its fields' problems), then in property order. */
function before(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Every problem ajv found in a document, one line each, in the schema's property order: the field,
 * the value given and what the schema allows (its `x-nssv-allowed` words, else its own keywords).
 * One line per field: a wrong value that breaks two keywords is one problem. An unknown field is
 * named `ceph has unknown field "other"`, or `unknown field ceph.other` where the object carries
 * `x-nssv-unknown-field-path`.
 */
export function schemaProblems(
  root: JsonSchema,
  doc: unknown,
  errs: readonly ErrorObject[],
  whole = 'the document',
): string[] {
  const problems: Array<{ at: number[]; text: string }> = [];
  const seen = new Set<string>();
  for (const e of errs) {
    if (e.keyword === 'additionalProperties') {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      const owner = schemaAt(root, e.instancePath);
      const allowed = Object.keys(owner?.properties ?? {}).join(', ');
      const where = field(e.instancePath);
      const text = !where
        ? `unknown field ${JSON.stringify(name)}; allowed: ${allowed}`
        : owner?.['x-nssv-unknown-field-path'] === true
          ? `unknown field ${where}.${name}; allowed: ${allowed}`
          : `${where} has unknown field ${JSON.stringify(name)}; allowed: ${allowed}`;
      problems.push({ at: position(root, e.instancePath), text });
      continue;
    }
    const path =
      e.keyword === 'required'
        ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`
        : e.instancePath;
    if (seen.has(path)) continue;
    seen.add(path);
    const allowed = allowedText(schemaAt(root, path) ?? {});
    const text = `${field(path) || whole} must be ${allowed}, got ${show(valueAt(doc, path))}`;
    problems.push({ at: position(root, path), text });
  }
  return problems.sort((a, b) => before(a.at, b.at)).map((p) => p.text);
}
