import { str } from './attrs.js';
import { perHostHandler } from './perHost.js';

/** A dir image storage: a directory on every host of its cluster that keeps verified images. */
export const imageStorageHandler = perHostHandler({
  type: 'nssv_image_storage',
  put: (agent, address, a) => agent.putImageStore(str(a, 'name'), { address }),
  remove: (agent, a) => agent.deleteImageStore(str(a, 'name')),
  find: (inv, a) => (inv.imageStores.some((s) => s.name === a.name) ? {} : null),
  describe: (a) => `image storage "${String(a.name)}"`,
  addressOn: (inv, a) => inv.imageStores.find((s) => s.name === a.name)?.address,
});
