import type { Attributes } from '../../core/values.js';
import { resolved, typed, untyped } from './attrs.js';
import type { HandlerContext, ResourceHandler } from './types.js';

const volume = (a: Attributes) => typed('nssv_volume', a);

async function put(ctx: HandlerContext, address: string, a: Attributes): Promise<Attributes> {
  const v = volume(a);
  const host = resolved(v.host_id, 'host_id');
  await ctx.agent(host).putVolume(v.pool_id, v.name, { address, sizeGiB: v.size_gib, format: v.format });
  ctx.invalidate(host);
  return a;
}

/** A volume of a dir pool: a qcow2/raw file on its host, made and grown with qemu-img. */
export const volumeHandler: ResourceHandler = {
  type: 'nssv_volume',
  async read(ctx, _address, prior) {
    const p = volume(prior);
    const inv = await ctx.inventory(resolved(p.host_id, 'host_id'));
    const v = inv.volumes.find((x) => x.name === p.name && x.pool === p.pool_id);
    return v ? untyped({ ...p, size_gib: v.sizeGiB, format: v.format }) : null;
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
  async delete(ctx, _address, prior) {
    const p = volume(prior);
    const host = resolved(p.host_id, 'host_id');
    await ctx.agent(host).deleteVolume(p.pool_id, p.name);
    ctx.invalidate(host);
  },
};
