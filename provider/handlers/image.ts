import type { Attributes } from '../../core/values.js';
import { typed } from './attrs.js';
import { perHostHandler } from './perHost.js';
import type { ResourceHandler } from './types.js';

const image = (a: Attributes) => typed('nssv_image', a);

/**
 * An image: imported once into its image storage on each host that keeps it (every host of the
 * storage's cluster), its sha256 verified by the agent before it becomes usable.
 */
const base = perHostHandler({
  type: 'nssv_image',
  put: (agent, address, a) => {
    const i = image(a);
    return agent.putImage(i.image_storage_id, i.name, {
      address,
      source: i.source,
      format: i.format,
      sha256: i.sha256 ?? null,
    });
  },
  remove: (agent, a) => agent.deleteImage(image(a).image_storage_id, image(a).name),
  find: (inv, a) => {
    const want = image(a);
    const found = inv.images.find((x) => x.name === want.name && x.store === want.image_storage_id);
    if (!found) return null;
    // sha256 as declared: null stays null (the agent records the digest it computed).
    return {
      source: found.source,
      format: found.format,
      size_bytes: found.sizeBytes,
      ...(want.sha256 ? { sha256: found.sha256 } : {}),
    };
  },
  describe: (a) => `image "${image(a).name}" in image storage "${image(a).image_storage_id}"`,
  addressOn: (inv, a) =>
    inv.images.find((x) => x.name === image(a).name && x.store === image(a).image_storage_id)?.address,
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
  async delete(ctx, address, prior) {
    // The plan refuses this (deletePolicy); a handler called anyway (Terraform's own plan) refuses too.
    if (image(prior).delete_policy === 'never') {
      throw new Error(`${address} has delete_policy = "never": nssv does not delete it`);
    }
    await base.delete(ctx, address, prior);
  },
};
