import type { Attributes } from '../../core/values.js';
import { typed } from './attrs.js';
import { perHostHandler } from './perHost.js';

const storage = (a: Attributes) => typed('nssv_image_storage', a);

/**
 * An image storage: a directory on every host of its cluster (dir), or a Ceph pool the hosts of
 * the cluster share (rbd: the first host's agent creates it, the others find it).
 */
export const imageStorageHandler = perHostHandler({
  type: 'nssv_image_storage',
  put: (agent, address, a) => agent.putImageStore(storage(a).name, { address, kind: storage(a).kind }),
  remove: (agent, a) => agent.deleteImageStore(storage(a).name),
  find: (inv, a) => {
    const found = inv.imageStores.find((s) => s.name === storage(a).name);
    return found ? { kind: found.kind } : null;
  },
  describe: (a) => `image storage "${storage(a).name}"`,
  addressOn: (inv, a) => inv.imageStores.find((s) => s.name === storage(a).name)?.address,
});
