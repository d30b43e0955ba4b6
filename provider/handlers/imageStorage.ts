import type { Attributes } from '../../core/values.js';
import { typed } from './attrs.js';
import { perHostHandler } from './perHost.js';

const storage = (a: Attributes) => typed('nssv_image_storage', a);

/** A dir image storage: a directory on every host of its cluster that keeps verified images. */
export const imageStorageHandler = perHostHandler({
  type: 'nssv_image_storage',
  put: (agent, address, a) => agent.putImageStore(storage(a).name, { address }),
  remove: (agent, a) => agent.deleteImageStore(storage(a).name),
  find: (inv, a) => (inv.imageStores.some((s) => s.name === storage(a).name) ? {} : null),
  describe: (a) => `image storage "${storage(a).name}"`,
  addressOn: (inv, a) => inv.imageStores.find((s) => s.name === storage(a).name)?.address,
});
