import { str } from './attrs.js';
import { perHostHandler } from './perHost.js';

/** A dir pool: the directory <storageRoot>/<name> on every host of its cluster. */
export const storagePoolHandler = perHostHandler({
  type: 'nssv_storage_pool',
  put: (agent, address, a) => agent.putPool(str(a, 'name'), { address }),
  remove: (agent, a) => agent.deletePool(str(a, 'name')),
  find: (inv, a) => (inv.pools.some((p) => p.name === a.name) ? {} : null),
  describe: (a) => `dir pool "${String(a.name)}"`,
  addressOn: (inv, a) => inv.pools.find((p) => p.name === a.name)?.address,
});
