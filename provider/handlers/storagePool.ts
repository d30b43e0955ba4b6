import type { Attributes } from '../../core/values.js';
import { str } from './attrs.js';
import { perHostHandler } from './perHost.js';
import { rbdPoolHandler } from './rbdPool.js';
import type { ResourceHandler } from './types.js';

/** A dir pool: the directory <storageRoot>/<name> on every host of its cluster. */
export const dirPoolHandler = perHostHandler({
  type: 'nssv_storage_pool',
  put: (agent, address, a) => agent.putPool(str(a, 'name'), { address }),
  remove: (agent, a) => agent.deletePool(str(a, 'name')),
  find: (inv, a) => (inv.pools.some((p) => p.name === a.name) ? {} : null),
  describe: (a) => `dir pool "${String(a.name)}"`,
  addressOn: (inv, a) => inv.pools.find((p) => p.name === a.name)?.address,
});

const byKind = (a: Attributes): ResourceHandler => (a.kind === 'rbd' ? rbdPoolHandler : dirPoolHandler);

/** A storage pool of either kind (kind forces replacement, so prior and planned agree on it). */
export const storagePoolHandler: ResourceHandler = {
  type: 'nssv_storage_pool',
  read: (ctx, address, prior) => byKind(prior).read(ctx, address, prior),
  create: (ctx, address, planned) => byKind(planned).create(ctx, address, planned),
  update: (ctx, address, prior, planned) => byKind(planned).update(ctx, address, prior, planned),
  delete: (ctx, address, prior) => byKind(prior).delete(ctx, address, prior),
  occupied: (ctx, planned) => byKind(planned).occupied!(ctx, planned),
};
