import { isUnknown, type Attributes } from '../../core/values.js';
import type { ResourcePlanned, ResourceType } from '../../schemas/generated/types.js';
import { planned, toAttributes } from '../../schemas/typed.js';

/** A handler's typed view of its planned attributes (schemas/typed.ts). */
export function typed<T extends ResourceType>(type: T, attrs: Attributes): ResourcePlanned[T] {
  return planned(type, attrs);
}

export const untyped = toAttributes;

/** A value the planner resolves before apply (e.g. host_ids); its absence (or unknown) here is a bug, not a user error. */
export function resolved<T>(value: T | undefined, what: string): T {
  if (value === undefined || isUnknown(value))
    throw new Error(`bug: ${what} should be resolved at plan time`);
  return value;
}
