import { unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import type { Session } from '../session.js';

export interface SnapshotVolume {
  volume_pool_id: AttrValue;
  volume_host_id: AttrValue;
}

/**
 * Where a snapshot's volume is: its pool and the agent that takes the snapshot. Terraform plans a
 * snapshot a second time during apply, where the volume has been planned again in this process
 * only if it changes too, and rejects a value that differs from the plan it showed; so the answer
 * may not depend on what this process happens to have planned:
 *
 * - an existing snapshot keeps its recorded values (volume_id forces replacement: same volume);
 * - a volume some host reports: the pool it reports, on the first host by name that reports it (a
 *   dir volume's only host; for an rbd volume, which every host of its Ceph cluster reports, any
 *   agent of the cluster takes the snapshot);
 * - a volume planned in this run and not on a host yet: its planned pool, and its planned host
 *   (dir) or the first of its rbd pool's planned hosts — the host the rule above finds after it is
 *   created.
 */
export async function snapshotVolume(
  s: Session,
  planned: Attributes,
  prior: Attributes | null,
): Promise<SnapshotVolume> {
  const volume = planned.volume_id;
  if (
    prior &&
    prior.volume_id === volume &&
    typeof prior.volume_pool_id === 'string' &&
    typeof prior.volume_host_id === 'string'
  )
    return { volume_pool_id: prior.volume_pool_id, volume_host_id: prior.volume_host_id };
  const unknown = { volume_pool_id: unknownValue, volume_host_id: unknownValue };
  if (typeof volume !== 'string') return unknown;
  for (const h of [...s.hosts.keys()].sort()) {
    // Read afresh: a host's inventory cached before another host's agent created an rbd volume
    // (every host of the Ceph cluster reports it) would make the answer depend on that order.
    s.ctx.invalidate(h);
    const v = (await s.ctx.inventory(h)).volumes.find((x) => x.name === volume);
    if (v) return { volume_pool_id: v.pool, volume_host_id: h };
  }
  const v = s.recall('nssv_volume', volume);
  if (!v || typeof v.pool_id !== 'string') return unknown;
  const pool = s.recall('nssv_storage_pool', v.pool_id);
  const poolHosts = pool?.kind === 'rbd' && Array.isArray(pool.host_ids) ? pool.host_ids : undefined;
  const host = poolHosts ? [...(poolHosts as string[])].sort()[0] : v.host_id;
  return { volume_pool_id: v.pool_id, volume_host_id: typeof host === 'string' ? host : unknownValue };
}
