import type { StateResource } from '../planner/state/types.js';
import { handlerFor } from './handlers/registry.js';

/**
 * The hosts whose inventories a refresh reads a record from: its one host when its type reads
 * from one inventory (ResourceHandler.inventoryRead), the hosts its handler's readHosts names, or
 * none (a record read otherwise, never taken as recorded because its hosts' inventories stayed).
 */
export function recordHosts(r: Pick<StateResource, 'type' | 'attributes'>): readonly string[] {
  const handler = handlerFor(r.type);
  if (handler.inventoryRead) return [handler.inventoryRead.hostOf(r.attributes)];
  return handler.readHosts?.(r.attributes) ?? [];
}
