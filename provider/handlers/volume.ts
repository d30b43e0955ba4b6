import type { Attributes } from '../../core/values.js';
import type { VolumeSourceSpec } from '../../schemas/generated/agentApi.js';
import { AgentError } from '../agent/agentError.js';
import { resolved, typed, untyped } from './attrs.js';
import type { HandlerContext, ResourceHandler } from './types.js';

const volume = (a: Attributes) => typed('nssv_volume', a);

/** Where the volume's image is on its host: the store that holds an image of that name. */
async function source(
  ctx: HandlerContext,
  host: string,
  v: ReturnType<typeof volume>,
): Promise<VolumeSourceSpec | undefined> {
  const image = v.source_image_id;
  if (typeof image !== 'string') return undefined;
  const found = (await ctx.inventory(host)).images.find((i) => i.name === image);
  if (!found) {
    throw new AgentError(
      host,
      'not_found',
      `image "${image}" is not on host ${host}; it is imported to the hosts of its image storage's cluster`,
    );
  }
  return { store: found.store, image, cloneMode: v.clone_mode };
}

async function put(ctx: HandlerContext, address: string, a: Attributes): Promise<Attributes> {
  const v = volume(a);
  const host = resolved(v.host_id, 'host_id');
  const src = await source(ctx, host, v);
  const info = await ctx.agent(host).putVolume(v.pool_id, v.name, {
    address,
    sizeGiB: v.size_gib,
    format: v.format,
    ...(src ? { source: src } : {}),
  });
  ctx.invalidate(host);
  return { ...a, clone_state: info.source?.state ?? null };
}

/** A volume of a dir pool: a qcow2/raw file on its host, made and grown with qemu-img. */
export const volumeHandler: ResourceHandler = {
  type: 'nssv_volume',
  async read(ctx, _address, prior) {
    const p = volume(prior);
    const inv = await ctx.inventory(resolved(p.host_id, 'host_id'));
    const v = inv.volumes.find((x) => x.name === p.name && x.pool === p.pool_id);
    return v
      ? untyped({ ...p, size_gib: v.sizeGiB, format: v.format, clone_state: v.source?.state ?? null })
      : null;
  },
  create: (ctx, address, planned) => put(ctx, address, planned),
  update: (ctx, address, _prior, planned) => put(ctx, address, planned),
  async occupied(ctx, planned) {
    const p = volume(planned);
    if (typeof p.host_id !== 'string') return [];
    const inv = await ctx.inventory(p.host_id);
    const v = inv.volumes.find((x) => x.name === p.name && x.pool === p.pool_id);
    return v ? [`volume "${v.name}" in pool "${v.pool}" on ${p.host_id}, managed as ${v.address}`] : [];
  },
  /** A grown volume is never shrunk back (that destroys data): everything else is restored, the size kept. */
  async undoUpdate(ctx, address, after, before) {
    const grown = volume(after).size_gib;
    const was = volume(before).size_gib;
    if (grown <= was) return { attributes: await put(ctx, address, before) };
    const attributes = await put(ctx, address, untyped({ ...volume(before), size_gib: grown }));
    return {
      attributes,
      note: `kept size_gib = ${grown} (was ${was}): a volume is never shrunk, that would destroy data written since the grow; shrink it by creating a new, smaller volume`,
    };
  },
  async delete(ctx, _address, prior) {
    const p = volume(prior);
    const host = resolved(p.host_id, 'host_id');
    await ctx.agent(host).deleteVolume(p.pool_id, p.name);
    ctx.invalidate(host);
  },
};
