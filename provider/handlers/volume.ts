import type { CloneMode, VolumeSourceSpec } from '../../agentd/api/images.js';
import type { VolumeFormat } from '../../agentd/api/types.js';
import { AgentError } from '../agent/agentError.js';
import type { Attributes } from '../../core/values.js';
import { num, str } from './attrs.js';
import type { HandlerContext, ResourceHandler } from './types.js';

/** Where the volume's image is on its host: the store that holds an image of that name. */
async function source(
  ctx: HandlerContext,
  host: string,
  a: Attributes,
): Promise<VolumeSourceSpec | undefined> {
  if (typeof a.source_image_id !== 'string') return undefined;
  const image = a.source_image_id;
  const found = (await ctx.inventory(host)).images.find((i) => i.name === image);
  if (!found) {
    throw new AgentError(
      host,
      'not_found',
      `image "${image}" is not on host ${host}; it is imported to the hosts of its image storage's cluster`,
    );
  }
  return { store: found.store, image, cloneMode: str(a, 'clone_mode') as CloneMode };
}

async function put(ctx: HandlerContext, address: string, a: Attributes): Promise<Attributes> {
  const host = str(a, 'host_id');
  const src = await source(ctx, host, a);
  const info = await ctx.agent(host).putVolume(str(a, 'pool_id'), str(a, 'name'), {
    address,
    sizeGiB: num(a, 'size_gib'),
    format: str(a, 'format') as VolumeFormat,
    ...(src ? { source: src } : {}),
  });
  ctx.invalidate(host);
  return { ...a, clone_state: info.source?.state ?? null };
}

/** A volume of a dir pool: a qcow2/raw file on its host, made and grown with qemu-img. */
export const volumeHandler: ResourceHandler = {
  type: 'nssv_volume',
  async read(ctx, _address, prior) {
    const inv = await ctx.inventory(str(prior, 'host_id'));
    const v = inv.volumes.find((x) => x.name === prior.name && x.pool === prior.pool_id);
    return v
      ? { ...prior, size_gib: v.sizeGiB, format: v.format, clone_state: v.source?.state ?? null }
      : null;
  },
  create: (ctx, address, planned) => put(ctx, address, planned),
  update: (ctx, address, _prior, planned) => put(ctx, address, planned),
  async occupied(ctx, planned) {
    if (typeof planned.host_id !== 'string') return [];
    const inv = await ctx.inventory(planned.host_id);
    const v = inv.volumes.find((x) => x.name === planned.name && x.pool === planned.pool_id);
    return v ? [`volume "${v.name}" in pool "${v.pool}" on ${planned.host_id}, managed as ${v.address}`] : [];
  },
  async delete(ctx, _address, prior) {
    const host = str(prior, 'host_id');
    await ctx.agent(host).deleteVolume(str(prior, 'pool_id'), str(prior, 'name'));
    ctx.invalidate(host);
  },
};
