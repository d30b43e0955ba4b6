import type { VolumeFormat } from '../../agentd/api/types.js';
import type { Attributes } from '../../core/values.js';
import { str } from './attrs.js';
import { perHostHandler } from './perHost.js';
import type { ResourceHandler } from './types.js';

function sha256(a: Attributes): string | null {
  return typeof a.sha256 === 'string' ? a.sha256 : null;
}

/**
 * An image: imported once into its image storage on each host that keeps it (every host of the
 * storage's cluster), its sha256 verified by the agent before it becomes usable.
 */
const base = perHostHandler({
  type: 'nssv_image',
  put: (agent, address, a) =>
    agent.putImage(str(a, 'image_storage_id'), str(a, 'name'), {
      address,
      source: str(a, 'source'),
      format: str(a, 'format') as VolumeFormat,
      sha256: sha256(a),
    }),
  remove: (agent, a) => agent.deleteImage(str(a, 'image_storage_id'), str(a, 'name')),
  find: (inv, a) => {
    const i = inv.images.find((x) => x.name === a.name && x.store === a.image_storage_id);
    if (!i) return null;
    // sha256 as declared: null stays null (the agent records the digest it computed).
    return {
      source: i.source,
      format: i.format,
      size_bytes: i.sizeBytes,
      ...(sha256(a) === null ? {} : { sha256: i.sha256 }),
    };
  },
  describe: (a) => `image "${String(a.name)}" in image storage "${String(a.image_storage_id)}"`,
  addressOn: (inv, a) => inv.images.find((x) => x.name === a.name && x.store === a.image_storage_id)?.address,
});

/** As base, with what the agents computed (size_bytes) recorded right after the import. */
export const imageHandler: ResourceHandler = {
  ...base,
  async create(ctx, address, planned) {
    const done = await base.create(ctx, address, planned);
    return (await base.read(ctx, address, done)) ?? done;
  },
  async update(ctx, address, prior, planned) {
    const done = await base.update(ctx, address, prior, planned);
    return (await base.read(ctx, address, done)) ?? done;
  },
};
