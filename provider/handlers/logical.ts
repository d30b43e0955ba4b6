import type { Attributes } from '../../core/values.js';
import type { ResourceHandler } from './types.js';

/**
 * Resources that exist only in nssv's state (data centers, clusters, host groups, scheduling groups: the planner reads the last two): nothing on a host to
 * create or read, so the recorded attributes are the truth.
 */
export function logicalHandler(type: string): ResourceHandler {
  return {
    type,
    read: async (_ctx, _address, prior: Attributes) => prior,
    create: async (_ctx, _address, planned: Attributes) => planned,
    update: async (_ctx, _address, _prior, planned: Attributes) => planned,
    delete: async () => {},
  };
}
