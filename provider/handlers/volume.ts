import type { TrashEntry, VolumeSpec } from '../../schemas/generated/agentApi.js';
import type { Attributes } from '../../core/values.js';
import type { VolumeSourceSpec } from '../../schemas/generated/agentApi.js';
import { AgentError } from '../agent/agentError.js';
import { resolved, typed, untyped } from './attrs.js';
import { isLocal, removeCopies } from './copyStorage.js';
import { inventoryReader } from './inventoryRead.js';
import type { HandlerContext, ResourceHandler } from './types.js';
import { expiresAt } from './trashRetention.js';

const volume = (a: Attributes) => typed('nssv_volume', a);

/** Where a volume made from a snapshot comes from: the snapshot, found on the host by name in the same pool. */
async function fromSnapshot(
  ctx: HandlerContext,
  host: string,
  v: ReturnType<typeof volume>,
): Promise<VolumeSpec['fromSnapshot']> {
  const id = v.source_snapshot_id;
  if (typeof id !== 'string') return null;
  const inv = await ctx.inventory(host);
  const snap = inv.snapshots.find((s) => s.name === id && s.pool === v.pool_id);
  if (!snap) {
    const elsewhere = inv.snapshots.find((s) => s.name === id);
    throw new Error(
      elsewhere
        ? `snapshot "${id}" is of volume "${elsewhere.volume}" in pool "${elsewhere.pool}": a volume is made from a snapshot of its own pool ("${v.pool_id}"); put the new volume in pool "${elsewhere.pool}"`
        : `snapshot "${id}" does not exist on ${host}; it must exist before a volume is made from it`,
    );
  }
  return { volume: snap.volume, snapshot: snap.name, mode: v.clone_mode };
}

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

async function put(
  ctx: HandlerContext,
  address: string,
  a: Attributes,
  creating: boolean,
): Promise<Attributes> {
  const v = volume(a);
  const host = resolved(v.host_id, 'host_id');
  const src = await source(ctx, host, v);
  const snap = creating ? await fromSnapshot(ctx, host, v) : null;
  const info = await ctx.agent(host).putVolume(v.pool_id, v.name, {
    address,
    sizeGiB: v.size_gib,
    format: resolved(v.format, 'format'),
    ...(src ? { source: src } : {}),
    ...(snap ? { fromSnapshot: snap } : {}),
  });
  ctx.invalidate(host);
  return { ...a, clone_state: info.source?.state ?? null };
}

/**
 * A volume following its VM to another host (issue 11). An rbd image is shared: the new host's
 * agent simply manages it from now on. A dir-pool file was copied there by the VM's live
 * migration, which already removed the source copy; one left behind (the removal failed) is
 * removed now. A local volume missing on the new host is an error, never an empty new volume.
 */
async function follow(ctx: HandlerContext, address: string, prior: Attributes, planned: Attributes) {
  const [from, to] = [
    resolved(volume(prior).host_id, 'host_id'),
    resolved(volume(planned).host_id, 'host_id'),
  ];
  const p = volume(planned);
  const there = (await ctx.inventory(to)).volumes.find((x) => x.name === p.name && x.pool === p.pool_id);
  if (there && isLocal(there)) {
    const left = await ctx
      .inventory(from)
      .then((inv) => inv.volumes.find((x) => x.name === p.name && x.pool === p.pool_id))
      .catch(() => undefined);
    if (left && isLocal(left)) await removeCopies(ctx, from, [left]);
  } else if (
    !there &&
    (await ctx.inventory(from)).volumes.some((x) => x.name === p.name && x.pool === p.pool_id && isLocal(x))
  ) {
    throw new AgentError(
      to,
      'conflict',
      `${address} is in a dir pool on ${from} and not on ${to}: a local volume moves only with its VM's live migration, which copies it; it was not copied, so nothing was changed`,
    );
  }
  return put(ctx, address, planned, false);
}

/** Whether the volume is a file on its host (`after`'s host holds it in a dir pool). */
async function wasLocalMove(ctx: HandlerContext, after: Attributes): Promise<boolean> {
  const p = volume(after);
  const inv = await ctx.inventory(resolved(p.host_id, 'host_id')).catch(() => undefined);
  const v = inv?.volumes.find((x) => x.name === p.name && x.pool === p.pool_id);
  return v !== undefined && isLocal(v);
}

/** The newest trash entry of this volume (same pool, name and address), if the trash still holds one. */
async function inTrash(ctx: HandlerContext, address: string, a: Attributes): Promise<TrashEntry | undefined> {
  const v = volume(a);
  const { entries } = await ctx.agent(resolved(v.host_id, 'host_id')).listTrash();
  return entries
    .filter((e) => e.pool === v.pool_id && e.volume === v.name && e.address === address)
    .sort((x, y) => (x.deletedAt < y.deletedAt ? 1 : -1))[0];
}

/**
 * A volume: a qcow2/raw file on its host in a dir pool, an RBD image in an rbd pool. Deleting one
 * moves it, with its snapshots, to the trash (delete_policy): a failed apply restores it from
 * there with its data; `immediate` purges it once the apply has succeeded.
 */
export const volumeHandler: ResourceHandler = {
  type: 'nssv_volume',
  ...inventoryReader({
    hostOf: (prior) => resolved(volume(prior).host_id, 'host_id'),
    from(inv, prior) {
      const p = volume(prior);
      const v = inv.volumes.find((x) => x.name === p.name && x.pool === p.pool_id);
      return v
        ? untyped({ ...p, size_gib: v.sizeGiB, format: v.format, clone_state: v.source?.state ?? null })
        : null;
    },
  }),
  create: (ctx, address, planned) => put(ctx, address, planned, true),
  update: (ctx, address, prior, planned) =>
    volume(prior).host_id === volume(planned).host_id
      ? put(ctx, address, planned, false)
      : follow(ctx, address, prior, planned),
  async occupied(ctx, planned) {
    const p = volume(planned);
    if (typeof p.host_id !== 'string') return [];
    const inv = await ctx.inventory(p.host_id);
    const v = inv.volumes.find((x) => x.name === p.name && x.pool === p.pool_id);
    return v ? [`volume "${v.name}" in pool "${v.pool}" on ${p.host_id}, managed as ${v.address}`] : [];
  },
  /** A grown volume is never shrunk back (that destroys data): everything else is restored, the size kept. */
  async undoUpdate(ctx, address, after, before) {
    if (volume(after).host_id !== volume(before).host_id && (await wasLocalMove(ctx, after))) {
      return {
        attributes: before,
        note: `back on ${volume(before).host_id} with its VM: the VM's migration back copies the disk`,
      };
    }
    const grown = volume(after).size_gib;
    const was = volume(before).size_gib;
    if (grown <= was) return { attributes: await put(ctx, address, before, false) };
    const attributes = await put(ctx, address, untyped({ ...volume(before), size_gib: grown }), false);
    return {
      attributes,
      note: `kept size_gib = ${grown} (was ${was}): a volume is never shrunk, that would destroy data written since the grow; shrink it by creating a new, smaller volume`,
    };
  },
  async delete(ctx, address, prior) {
    const p = volume(prior);
    if (p.delete_policy === 'never') {
      throw new Error(`${address} has delete_policy = "never": nssv does not delete it`);
    }
    const host = resolved(p.host_id, 'host_id');
    const present = await ctx.inventory(host);
    if (!present.volumes.some((v) => v.name === p.name && v.pool === p.pool_id)) return;
    await ctx.agent(host).trashVolume(p.pool_id, p.name, { address, expiresAt: expiresAt(p.delete_policy) });
    ctx.invalidate(host);
  },
  /** Undoing a delete brings the volume back from the trash, data and snapshots included. */
  async undoDelete(ctx, address, prior) {
    const entry = await inTrash(ctx, address, prior);
    if (!entry) {
      throw new Error(
        `cannot bring ${address} back: its trash entry is gone (purged outside nssv?); its data is lost`,
      );
    }
    const host = resolved(volume(prior).host_id, 'host_id');
    await ctx.agent(host).restoreTrash(entry.id);
    ctx.invalidate(host);
    return { attributes: prior, note: `restored from the trash (${entry.id}) with its data` };
  },
  /** After a successful apply, a volume deleted with delete_policy = "immediate" is purged from the trash. */
  async commitDelete(ctx, address, prior) {
    if (volume(prior).delete_policy !== 'immediate') return;
    const entry = await inTrash(ctx, address, prior);
    if (entry) await ctx.agent(resolved(volume(prior).host_id, 'host_id')).purgeTrash(entry.id);
  },
};
