import type { Diagnostic } from '../../core/diagnostic.js';
import type { DesiredInstance } from '../config/types.js';
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { readOnlyAttribute } from './errors.js';
import { rangeOf } from './paths.js';

function walk(
  instance: DesiredInstance,
  schema: JsonSchema,
  value: unknown,
  prefix: string,
  out: Diagnostic[],
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const v = (value as Record<string, unknown>)[name];
    if (v === undefined || v === null) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    if (prop.readOnly) {
      out.push(
        readOnlyAttribute({
          address: instance.address,
          attribute: path,
          description: prop.description,
          range: rangeOf(instance, path),
        }),
      );
      continue;
    }
    if (prop['x-nssv-block'] && Array.isArray(v) && prop.items) {
      const item = prop.items;
      v.forEach((x, i) => walk(instance, item, x, `${path}[${i}]`, out));
    } else if (prop.properties) {
      walk(instance, prop, v, path, out);
    }
  }
}

/** Attributes that only nssv sets (readOnly), set in the configuration. */
export function readOnlyDiagnostics(instance: DesiredInstance, schema: JsonSchema): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(instance, schema, instance.attributes, '', out);
  return out;
}
