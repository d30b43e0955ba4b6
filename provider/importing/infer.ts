import type { Attributes } from '../../core/values.js';
import type { DesiredInstance } from '../../planner/config/types.js';

/**
 * Attributes no host can tell, taken from what the configuration says about related objects:
 * a switch's or a cluster's data center is that of its cluster, or the only data center declared
 * (a security group's: the only one declared).
 * Used for imports without a resource block (their generated configuration must be complete).
 */
export function inferFromConfig(
  type: string,
  reported: Attributes,
  desired: readonly DesiredInstance[],
): Attributes {
  if (reported.datacenter_id !== undefined) return reported;
  if (!['nssv_distributed_switch', 'nssv_cluster', 'nssv_security_group'].includes(type)) return reported;
  const clusters =
    type === 'nssv_distributed_switch' ? ((reported.cluster_ids as string[] | undefined) ?? []) : [];
  const fromCluster = desired.find(
    (d) => d.type === 'nssv_cluster' && clusters.includes(d.attributes.name as string),
  )?.attributes.datacenter_id;
  const datacenters = desired.filter((d) => d.type === 'nssv_datacenter');
  const only = datacenters.length === 1 ? datacenters[0]!.attributes.name : undefined;
  const dc = typeof fromCluster === 'string' ? fromCluster : typeof only === 'string' ? only : undefined;
  return dc === undefined ? reported : { ...reported, datacenter_id: dc };
}
