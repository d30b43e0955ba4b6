import type { Attributes } from '../../core/values.js';
import type { ResourcePlanned, ResourceType } from '../../schemas/generated/types.js';

/**
 * Typed views of attributes. What a handler gets has been validated against the resource's
 * schema at plan time, with defaults filled in and computed attributes resolved, so it has the
 * shape of the generated `XxxPlanned` type (schemas/generated/types.ts).
 */
export function typed<T extends ResourceType>(_type: T, attrs: Attributes): ResourcePlanned[T] {
  return attrs as unknown as ResourcePlanned[T];
}

/** Back to the planner's attribute map, after building a typed value. */
export function untyped<T extends object>(value: T): Attributes {
  return value as unknown as Attributes;
}

/** A value the planner resolves before apply (e.g. host_ids); its absence here is a bug, not a user error. */
export function resolved<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`bug: ${what} should be resolved at plan time`);
  return value;
}
