import type { Diagnostic } from '../../core/diagnostic.js';
import type { DesiredInstance } from '../config/types.js';
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { readOnlyAttribute } from './errors.js';
import { rangeOf } from './paths.js';

/** What the walk does with one property of a schema (worked out once per schema, not per instance). */
interface PropStep {
  name: string;
  prop: JsonSchema;
  /** readOnly: report it; block: walk each item; object: walk it; undefined: nothing below. */
  kind: 'readOnly' | 'block' | 'object';
  /** The schema walked below (items for a block, the property for an object). */
  inner?: JsonSchema;
}

const stepsBySchema = new WeakMap<JsonSchema, PropStep[]>();

/** The properties of a schema that the walk looks at, in the schema's order. */
function stepsOf(schema: JsonSchema): PropStep[] {
  let steps = stepsBySchema.get(schema);
  if (steps) return steps;
  steps = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (prop.readOnly) steps.push({ name, prop, kind: 'readOnly' });
    // below a property without read-only attributes there is nothing to find
    else if (prop['x-nssv-block'] && prop.items) {
      if (stepsOf(prop.items).length || (prop.properties && stepsOf(prop).length))
        steps.push({ name, prop, kind: 'block', inner: prop.items });
    } else if (prop.properties && stepsOf(prop).length)
      steps.push({ name, prop, kind: 'object', inner: prop });
  }
  stepsBySchema.set(schema, steps);
  return steps;
}

function walk(
  instance: DesiredInstance,
  schema: JsonSchema,
  value: unknown,
  prefix: string,
  out: Diagnostic[],
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const step of stepsOf(schema)) {
    const v = (value as Record<string, unknown>)[step.name];
    if (v === undefined || v === null) continue;
    const path = prefix ? `${prefix}.${step.name}` : step.name;
    if (step.kind === 'readOnly') {
      out.push(
        readOnlyAttribute({
          address: instance.address,
          attribute: path,
          description: step.prop.description,
          range: rangeOf(instance, path),
        }),
      );
    } else if (step.kind === 'block' && Array.isArray(v)) {
      const item = step.inner!;
      v.forEach((x, i) => walk(instance, item, x, `${path}[${i}]`, out));
    } else if (step.prop.properties) {
      walk(instance, step.prop, v, path, out);
    }
  }
}

/** Attributes that only nssv sets (readOnly), set in the configuration. */
export function readOnlyDiagnostics(instance: DesiredInstance, schema: JsonSchema): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(instance, schema, instance.attributes, '', out);
  return out;
}
