import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import { desiredNodes, type PlanContext, type PlanNode } from '../context.js';

/** Per plan and type: desired nodes by planned id (ids are fixed once planned attributes exist). */
const indexes = new WeakMap<PlanContext, Map<string, Map<string, PlanNode>>>();

/** The planned attributes of the desired instance of `type` whose id is `id`. */
function byId(ctx: PlanContext, type: string, id: AttrValue | undefined): Attributes | undefined {
  if (typeof id !== 'string' || isUnknown(id)) return undefined;
  let types = indexes.get(ctx);
  if (!types) indexes.set(ctx, (types = new Map()));
  let index = types.get(type);
  if (!index) {
    index = new Map();
    for (const n of desiredNodes(ctx, type)) {
      const key = n.planned!.id;
      if (typeof key === 'string' && !index.has(key)) index.set(key, n);
    }
    types.set(type, index);
  }
  return index.get(id)?.planned;
}

/** The kind ("dir" or "rbd") of the pool a volume is in; undefined while unknown. */
export function poolKindOfVolume(ctx: PlanContext, volume: Attributes): string | undefined {
  const kind = byId(ctx, 'nssv_storage_pool', volume.pool_id)?.kind;
  return typeof kind === 'string' && !isUnknown(kind) ? kind : undefined;
}

/** The cluster of the pool a volume is in; undefined while unknown. */
export function poolClusterOfVolume(ctx: PlanContext, volume: Attributes): string | undefined {
  const cluster = byId(ctx, 'nssv_storage_pool', volume.pool_id)?.cluster_id;
  return typeof cluster === 'string' && !isUnknown(cluster) ? cluster : undefined;
}

/**
 * A volume's format follows its pool when the configuration leaves it unset (qcow2 in a dir
 * pool, raw in an rbd pool: an RBD image is a raw block device).
 */
export function deriveVolumeFormats(ctx: PlanContext): void {
  for (const n of desiredNodes(ctx, 'nssv_volume')) {
    if (n.desired?.attributes.format !== undefined) continue;
    const kind = poolKindOfVolume(ctx, n.planned!);
    n.planned!.format = kind === undefined ? unknownValue : kind === 'rbd' ? 'raw' : 'qcow2';
  }
}

/** A snapshot is made where its volume is: its pool, and the host whose agent manages it (after placement). */
export function deriveSnapshotPlaces(ctx: PlanContext): void {
  for (const n of desiredNodes(ctx, 'nssv_volume_snapshot')) {
    const v = byId(ctx, 'nssv_volume', n.planned!.volume_id);
    n.planned!.volume_pool_id = v?.pool_id ?? unknownValue;
    n.planned!.volume_host_id = v?.host_id ?? unknownValue;
  }
}
