import type { Attributes } from '../../core/values.js';
import { typed } from './attrs.js';
import { perHostHandler } from './perHost.js';

const pool = (a: Attributes) => typed('nssv_storage_pool', a);

/** A dir pool: the directory <storageRoot>/<name> on every host of its cluster. */
export const storagePoolHandler = perHostHandler({
  type: 'nssv_storage_pool',
  put: (agent, address, a) => agent.putPool(pool(a).name, { address }),
  remove: (agent, a) => agent.deletePool(pool(a).name),
  find: (inv, a) => (inv.pools.some((p) => p.name === pool(a).name) ? {} : null),
  describe: (a) => `dir pool "${pool(a).name}"`,
  addressOn: (inv, a) => inv.pools.find((p) => p.name === pool(a).name)?.address,
});
