import type { JsonSchema } from '../../schemas/jsonSchema.js';

const SUFFIXES: ReadonlyArray<[string, string]> = [
  ['_mib', 'MiB'],
  ['_gib', 'GiB'],
  ['_tib', 'TiB'],
  ['_mbps', 'Mbit/s'],
  ['_iops', 'IOPS'],
  ['_seconds', 'seconds'],
  ['_minutes', 'minutes'],
  ['_hours', 'hours'],
  ['_days', 'days'],
  ['_percent', '%'],
];

/** The unit of a numeric attribute: x-nssv-unit, else from its name's suffix (memory_mib → MiB). */
export function unitOf(name: string, schema: JsonSchema | undefined): string | undefined {
  const explicit = schema?.['x-nssv-unit'];
  if (typeof explicit === 'string') return explicit;
  for (const [suffix, unit] of SUFFIXES) if (name.endsWith(suffix)) return unit;
  return undefined;
}
