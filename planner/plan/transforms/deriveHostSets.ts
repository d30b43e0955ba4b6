import { isUnknown, unknownValue, type AttrValue } from '../../../core/values.js';
import { desiredNodes, type PlanContext } from '../context.js';

/** Names of the hosts of the given clusters, sorted; unknown if any cluster or host is unknown. */
function hostsOfClusters(ctx: PlanContext, clusters: AttrValue | undefined): AttrValue {
  if (!Array.isArray(clusters) || clusters.some(isUnknown)) return unknownValue;
  const names: string[] = [];
  for (const h of desiredNodes(ctx, 'nssv_host')) {
    const p = h.planned!;
    if (isUnknown(p.cluster_id) || isUnknown(p.name)) return unknownValue;
    if (clusters.includes(p.cluster_id as string)) names.push(p.name as string);
  }
  return names.sort();
}

/**
 * Pools and image storages live on every host of their cluster, images wherever their storage
 * is, switches on every host of their clusters, port groups wherever their switch is: `host_ids` records that set, so a host joining a cluster
 * shows up as an update that extends them.
 */
export function deriveHostSets(ctx: PlanContext): void {
  const switchHosts = new Map<string, AttrValue>();
  for (const n of desiredNodes(ctx, 'nssv_distributed_switch')) {
    n.planned!.host_ids = hostsOfClusters(ctx, n.planned!.cluster_ids);
    switchHosts.set(String(n.planned!.id), n.planned!.host_ids);
  }
  for (const n of desiredNodes(ctx, 'nssv_storage_pool')) {
    n.planned!.host_ids = hostsOfClusters(ctx, [n.planned!.cluster_id as AttrValue]);
  }
  const imageStorageHosts = new Map<string, AttrValue>();
  for (const n of desiredNodes(ctx, 'nssv_image_storage')) {
    n.planned!.host_ids = hostsOfClusters(ctx, [n.planned!.cluster_id as AttrValue]);
    imageStorageHosts.set(String(n.planned!.id), n.planned!.host_ids);
  }
  for (const n of desiredNodes(ctx, 'nssv_image')) {
    const st = n.planned!.image_storage_id;
    n.planned!.host_ids = typeof st === 'string' ? (imageStorageHosts.get(st) ?? []) : unknownValue;
  }
  for (const n of desiredNodes(ctx, 'nssv_port_group')) {
    const sw = n.planned!.switch_id;
    n.planned!.host_ids = typeof sw === 'string' ? (switchHosts.get(sw) ?? []) : unknownValue;
  }
}
