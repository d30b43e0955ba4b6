import type { ValidateFunction } from 'ajv/dist/2020.js';
import { resourceValidator, schemaAjv } from '../../schemas/ajv.js';

/** The ajv that holds every schema (see schemas/ajv.ts). */
export const resourceAjv = schemaAjv;

/** The compiled validator of a resource type; undefined for unknown types. */
export function validatorFor(type: string): ValidateFunction | undefined {
  return resourceValidator(type);
}
