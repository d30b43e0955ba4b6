import type { Inventory } from '../../schemas/generated/agentApi.js';
import { INVENTORY_VOLATILE_PATHS } from '../../schemas/generated/agentApi.js';
import { entityTag } from './entityTag.js';

/** `value` without what `path` names (`*`: every item of an array); the rest shared, not copied. */
function without(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') return Array.isArray(value) ? value.map((item) => without(item, rest)) : value;
  const o = value as Record<string, unknown>;
  if (!(head in o)) return value;
  const copy = { ...o };
  if (rest.length === 0) delete copy[head];
  else copy[head] = without(o[head], rest);
  return copy;
}

/**
 * The inventory's entity tag: the digest of what it says, usage figures that change on their own
 * left out (free space, bytes allocated, packets matched: x-nssv-volatile in the agent API's
 * schemas). Anything else that changes on the host changes the tag.
 */
export function inventoryTag(inv: Inventory): string {
  let steady: unknown = inv;
  for (const path of INVENTORY_VOLATILE_PATHS) steady = without(steady, path);
  return entityTag(JSON.stringify(steady));
}
