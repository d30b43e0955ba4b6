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

/** One ajv (draft 2020-12, all errors, strict) for every resource schema, nssv keywords registered. */
export function resourceAjv(): Ajv2020 {
  if (ajv) return ajv;
  const a = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  for (const keyword of NSSV_KEYWORDS) a.addKeyword({ keyword });
  addFormats(a, ['ipv4', 'ipv6', 'uri', 'hostname', 'uuid']);
  ajv = a;
  return a;
}

/** The compiled validator of a resource type (compiled once, cached); undefined for unknown types. */
export function validatorFor(type: string): ValidateFunction | undefined {
  const cached = compiled.get(type);
  if (cached) return cached;
  const schema = findResourceSchema(type);
  if (!schema) return undefined;
  const fn = resourceAjv().compile(schema);
  compiled.set(type, fn);
  return fn;
}
