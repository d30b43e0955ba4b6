import type { Attributes } from '../../core/values.js';
import { typed } from './attrs.js';
import { perHostHandler } from './perHost.js';
import { rbdPoolHandler } from './rbdPool.js';
import type { ResourceHandler } from './types.js';

const pool = (a: Attributes) => typed('nssv_storage_pool', a);

/** A dir pool: the directory <storageRoot>/<name> on every host of its cluster. */
export const dirPoolHandler = perHostHandler({
  type: 'nssv_storage_pool',
  put: (agent, address, a) => agent.putPool(pool(a).name, { address }),
  remove: (agent, a) => agent.deletePool(pool(a).name),
  find: (inv, a) => (inv.pools.some((p) => p.name === pool(a).name) ? {} : null),
  describe: (a) => `dir pool "${pool(a).name}"`,
  addressOn: (inv, a) => inv.pools.find((p) => p.name === pool(a).name)?.address,
});

const byKind = (a: Attributes): ResourceHandler => (a.kind === 'rbd' ? rbdPoolHandler : dirPoolHandler);

/** A storage pool of either kind (kind forces replacement, so prior and planned agree on it). */
export const storagePoolHandler: ResourceHandler = {
  type: 'nssv_storage_pool',
  read: (ctx, address, prior, asRecordedOn) => byKind(prior).read(ctx, address, prior, asRecordedOn),
  readHosts: (prior) => byKind(prior).readHosts!(prior),
  create: (ctx, address, planned) => byKind(planned).create(ctx, address, planned),
  update: (ctx, address, prior, planned) => byKind(planned).update(ctx, address, prior, planned),
  delete: (ctx, address, prior) => byKind(prior).delete(ctx, address, prior),
  occupied: (ctx, planned) => byKind(planned).occupied!(ctx, planned),
};
