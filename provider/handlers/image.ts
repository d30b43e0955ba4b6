import type { Attributes } from '../../core/values.js';
import type { TrashEntry } from '../../schemas/generated/agentApi.js';
import { resolved, typed } from './attrs.js';
import { perHostHandler } from './perHost.js';
import { expiresAt } from './trashRetention.js';
import type { HandlerContext, ResourceHandler } from './types.js';

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

/** The newest trash entry of this image on `host` (same store, name and address), if the trash still holds one. */
async function inTrash(
  ctx: HandlerContext,
  host: string,
  address: string,
  a: Attributes,
): Promise<TrashEntry | undefined> {
  const i = image(a);
  const { entries } = await ctx.agent(host).listTrash();
  return entries
    .filter((e) => e.imageStore === i.image_storage_id && e.image === i.name && e.address === address)
    .sort((x, y) => (x.deletedAt < y.deletedAt ? 1 : -1))[0];
}

/**
 * As base, with what the agents computed (size_bytes) recorded right after the import; with
 * delete_policy = "delayed" a delete moves the image to each host's trash (an rbd image storage's:
 * the cluster's rbd trash, moved by the first host) and undoing it restores it from there.
 */
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
    if (image(prior).delete_policy !== 'delayed') return base.delete(ctx, address, prior);
    const i = image(prior);
    const spec = { address, expiresAt: expiresAt('delayed') };
    for (const host of resolved(i.host_ids, 'host_ids')) {
      const inv = await ctx.inventory(host);
      if (!inv.images.some((x) => x.name === i.name && x.store === i.image_storage_id)) continue;
      await ctx.agent(host).trashImage(i.image_storage_id, i.name, spec);
      ctx.invalidate(host);
    }
  },
  /** Undoing a delete: a delayed image comes back from the trash (same content); otherwise it is imported again. */
  async undoDelete(ctx, address, prior) {
    if (image(prior).delete_policy !== 'delayed')
      return { attributes: await imageHandler.create(ctx, address, prior) };
    const i = image(prior);
    const restored: string[] = [];
    for (const host of resolved(i.host_ids, 'host_ids')) {
      // An rbd image storage's image is the cluster's: restored once, found by the other hosts.
      if ((await ctx.inventory(host)).images.some((x) => x.name === i.name && x.store === i.image_storage_id))
        continue;
      const entry = await inTrash(ctx, host, address, prior);
      if (!entry) {
        throw new Error(
          `cannot bring ${address} back on ${host}: its trash entry is gone (purged outside nssv?); import it again with the next apply`,
        );
      }
      await ctx.agent(host).restoreTrash(entry.id);
      ctx.invalidate(host);
      restored.push(entry.id);
    }
    return { attributes: prior, note: `restored from the trash (${restored.join(', ')}) with its content` };
  },
};
