import type { Inventory, MigrateSpec, VolumeInfo } from '../../schemas/generated/agentApi.js';
import { AgentError } from '../agent/agentError.js';
import type { HandlerContext } from './types.js';

/** A volume on one host's local disk (a dir pool), not on shared rbd storage. */
export const isLocal = (v: Pick<VolumeInfo, 'path'>): boolean => !v.path.startsWith('rbd:');

/** One local disk of a migrating VM: its volume on the source and the copy precreated on the target. */
export interface CopiedVolume {
  source: VolumeInfo;
  destination: VolumeInfo;
}

/** The VM domain's disks that are files on its host (dir pools): what a live migration must copy. */
export function localVolumesOf(inv: Inventory, domain: string): VolumeInfo[] {
  const d = inv.domains.find((x) => x.name === domain);
  if (!d) return [];
  return d.disks
    .map((disk) => inv.volumes.find((v) => v.pool === disk.pool && v.name === disk.volume))
    .filter((v): v is VolumeInfo => v !== undefined && isLocal(v));
}

/**
 * Creates, on `to`, an empty twin of each local volume (same pool, name, size and format; a linked
 * clone over the same image, which the image storage already put on every host of the cluster),
 * for the migration to copy into. A volume of that name already there is refused: copying over it
 * could mix two disks' blocks. On failure the twins made so far are removed.
 */
export async function precreate(
  ctx: HandlerContext,
  address: string,
  to: string,
  volumes: readonly VolumeInfo[],
): Promise<CopiedVolume[]> {
  const there = await ctx.inventory(to);
  const clash = volumes.find((v) => there.volumes.some((x) => x.pool === v.pool && x.name === v.name));
  if (clash) {
    throw new AgentError(
      to,
      'conflict',
      `cannot migrate ${address} to ${to}: volume "${clash.name}" of pool "${clash.pool}" already exists there; the migration copies the VM's disk into a new one (remove the old one on ${to} first)`,
    );
  }
  const rapid = volumes.find((v) => v.source?.cloneMode === 'rapid');
  if (rapid) {
    throw new AgentError(
      to,
      'conflict',
      `cannot migrate ${address} to ${to}: volume "${rapid.name}" is a rapid clone, whose copy on ${to} would be flattened while the migration writes it; only linked and full clones and plain volumes are copied`,
    );
  }
  const made: CopiedVolume[] = [];
  try {
    for (const v of volumes) {
      const source = v.source
        ? { store: v.source.store, image: v.source.image, cloneMode: v.source.cloneMode }
        : undefined;
      const destination = await ctx.agent(to).putVolume(v.pool, v.name, {
        address: v.address,
        sizeGiB: v.sizeGiB,
        format: v.format,
        ...(source ? { source } : {}),
      });
      made.push({ source: v, destination });
    }
  } catch (e) {
    await removeCopies(
      ctx,
      to,
      made.map((m) => m.destination),
    );
    throw e;
  } finally {
    ctx.invalidate(to);
  }
  return made;
}

/**
 * How libvirt copies: only each disk's top layer when every one is a linked clone whose image is
 * on the target too (`--copy-storage-inc`), else every block (`--copy-storage-all`).
 */
export function copyStorageSpec(copies: readonly CopiedVolume[]): MigrateSpec['copyStorage'] {
  if (copies.length === 0) return undefined;
  const linked = copies.every(
    (c) => c.source.source?.state === 'linked' && c.destination.source?.state === 'linked',
  );
  return {
    mode: linked ? 'incremental' : 'all',
    disks: copies.map((c) => ({ source: c.source.path, destination: c.destination.path })),
  };
}

/** Removes volumes from a host for good (a migration's copies or its source disks); errors are the caller's. */
export async function removeCopies(
  ctx: HandlerContext,
  host: string,
  volumes: readonly VolumeInfo[],
): Promise<void> {
  for (const v of volumes) await ctx.agent(host).deleteVolume(v.pool, v.name);
  if (volumes.length > 0) ctx.invalidate(host);
}
