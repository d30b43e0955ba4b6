// TODO(issue 6): take the unit from the schemas' annotation view once it has one (planner/validate/units.ts
// holds the same table today, out of reach of constructs/ by the dependency rule).
import type { JsonSchema } from '../../schemas/jsonSchema.js';

const SUFFIXES: ReadonlyArray<[string, string]> = [
  ['_mib', 'MiB'],
  ['_gib', 'GiB'],
  ['_seconds', 'seconds'],
];

/** The unit of a numeric attribute: x-nssv-unit, else from its name's suffix (memory_mib → MiB). */
export function unitOf(name: string, schema: JsonSchema | undefined): string | undefined {
  const explicit = schema?.['x-nssv-unit'];
  if (typeof explicit === 'string') return explicit;
  return SUFFIXES.find(([suffix]) => name.endsWith(suffix))?.[1];
}
