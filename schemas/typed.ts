import type { Attributes, UnknownValue } from '../core/values.js';
import type { ResourcePlanned, ResourceType } from './generated/types.js';

/**
 * Typed views of a resource's attributes, by the generated types (schemas/generated/types.ts).
 * Attributes reach these views validated against the resource's schema, so the views are casts:
 * no shape is restated here.
 */

/** While planning: any attribute may still be missing or unknown ({"$unknown": true}). */
export type Planning<T> = { [K in keyof T]?: T[K] | UnknownValue };

/** What apply hands a resource handler: defaults filled in, computed attributes resolved. */
export function planned<T extends ResourceType>(_type: T, attrs: Attributes): ResourcePlanned[T] {
  return attrs as unknown as ResourcePlanned[T];
}

/** The planner's view of an instance being planned. */
export function planning<T extends ResourceType>(_type: T, attrs: Attributes): Planning<ResourcePlanned[T]> {
  return attrs as unknown as Planning<ResourcePlanned[T]>;
}

/** Back to the planner's attribute map, after building a typed value. */
export function toAttributes<T extends object>(value: T): Attributes {
  return value as unknown as Attributes;
}

/** A number attribute that may still be unknown while planning, or the fallback. */
export function knownNumber(v: number | UnknownValue | null | undefined, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}
