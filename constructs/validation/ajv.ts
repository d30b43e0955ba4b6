// TODO(issue 6): use schemas/ajv.ts (resourceValidator) once it is on main; this is the same setup.
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { NSSV_KEYWORDS } from '../../schemas/annotations.js';
import { findResourceSchema } from '../../schemas/registry.js';

type AddFormats = (ajv: Ajv2020, formats: string[]) => Ajv2020;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The compiled validator of a resource type's schema (compiled once). */
export function resourceValidator(type: string): ValidateFunction | undefined {
  const cached = compiled.get(type);
  if (cached) return cached;
  const schema = findResourceSchema(type);
  if (!schema) return undefined;
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    for (const keyword of NSSV_KEYWORDS) ajv.addKeyword({ keyword });
    addFormats(ajv, ['ipv4', 'ipv6', 'uri', 'hostname', 'uuid']);
  }
  const fn = ajv.compile(schema);
  compiled.set(type, fn);
  return fn;
}
