import { resourceSchema, resourceTypes } from '../../../schemas/registry.js';
import { hasHandler } from '../../handlers/registry.js';
import { blockFromJsonSchema } from './fromJsonSchema.js';
import type { BlockSchema } from './block.js';

let cache: Map<string, BlockSchema> | undefined;

/**
 * Every resource type of schemas/, generated from its JSON Schema. Types the agents cannot apply
 * yet are in the schema too (so configurations validate as with `nssv validate`), and refused
 * by ValidateResourceConfig and PlanResourceChange with NSSV_NOT_SUPPORTED_YET, as `nssv plan` does.
 */
export function resourceSchemas(): Map<string, BlockSchema> {
  cache ??= new Map(resourceTypes().map((t) => [t, blockFromJsonSchema(resourceSchema(t))]));
  return cache;
}

export function supported(type: string): boolean {
  return hasHandler(type);
}
