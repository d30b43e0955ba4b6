import type { Attributes } from '../../core/values.js';
import { resolved, typed, untyped } from './attrs.js';
import { inventoryReader } from './inventoryRead.js';
import type { HandlerContext, ResourceHandler } from './types.js';

const snapshot = (a: Attributes) => typed('nssv_volume_snapshot', a);

/** Where the snapshot's volume is: its pool and the host whose agent manages it (both planned). */
function place(a: Attributes): { pool: string; host: string; volume: string; name: string } {
  const s = snapshot(a);
  return {
    pool: resolved(s.volume_pool_id, 'volume_pool_id'),
    host: resolved(s.volume_host_id, 'volume_host_id'),
    volume: s.volume_id,
    name: s.name,
  };
}

async function take(ctx: HandlerContext, address: string, a: Attributes): Promise<Attributes> {
  const p = place(a);
  const info = await ctx.agent(p.host).putSnapshot(p.pool, p.volume, p.name, { address });
  ctx.invalidate(p.host);
  return untyped({ ...snapshot(a), created_at: info.createdAt });
}

/**
 * Raising revert_serial reverts; a prior without one (a snapshot Terraform imported, which cannot
 * know the counter) only records the configured value.
 */
function reverts(prior: Attributes, planned: Attributes): boolean {
  const before = prior.revert_serial;
  return before !== null && before !== undefined && snapshot(planned).revert_serial !== before;
}

/**
 * A snapshot of a volume (a qcow2 layer in a dir pool, an rbd snapshot in an rbd pool). Raising
 * revert_serial is the planned, explicit revert of the volume to it.
 */
export const volumeSnapshotHandler: ResourceHandler = {
  type: 'nssv_volume_snapshot',
  ...inventoryReader({
    hostOf: (prior) => place(prior).host,
    from(inv, prior) {
      const p = place(prior);
      const s = inv.snapshots.find((x) => x.pool === p.pool && x.volume === p.volume && x.name === p.name);
      return s ? untyped({ ...snapshot(prior), created_at: s.createdAt }) : null;
    },
  }),
  create: (ctx, address, planned) => take(ctx, address, planned),
  async update(ctx, address, prior, planned) {
    const after = await take(ctx, address, planned);
    if (reverts(prior, planned)) {
      const p = place(planned);
      await ctx.agent(p.host).revertVolume(p.pool, p.volume, { snapshot: p.name });
      ctx.invalidate(p.host);
    }
    return after;
  },
  async undoUpdate(ctx, address, after, before) {
    await take(ctx, address, after);
    const reverted = reverts(before, after);
    return {
      attributes: untyped({ ...snapshot(after), revert_serial: snapshot(before).revert_serial }),
      ...(reverted
        ? {
            note: `volume ${snapshot(after).volume_id} stays reverted to this snapshot: the data written after the snapshot was discarded by the revert and cannot be brought back`,
          }
        : {}),
    };
  },
  async delete(ctx, _address, prior) {
    const p = place(prior);
    await ctx.agent(p.host).deleteSnapshot(p.pool, p.volume, p.name);
    ctx.invalidate(p.host);
  },
  /** A deleted snapshot's data is merged away: undoing the delete takes it again, from the volume as it is now. */
  async undoDelete(ctx, address, before) {
    const attributes = await take(ctx, address, before);
    return {
      attributes,
      note: `snapshot taken again from the volume's current data: the deleted snapshot's own point in time cannot be brought back`,
    };
  },
  async occupied(ctx, planned) {
    const s = snapshot(planned);
    if (typeof s.volume_host_id !== 'string') return [];
    const inv = await ctx.inventory(s.volume_host_id);
    return inv.snapshots
      .filter((x) => x.name === s.name && x.pool === s.volume_pool_id)
      .map(
        (x) => `snapshot "${x.name}" of volume "${x.volume}" in pool "${x.pool}", managed as ${x.address}`,
      );
  },
};
