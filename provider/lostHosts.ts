import type { Attributes } from '../core/values.js';
import type { DesiredInstance } from '../planner/config/types.js';
import type { State } from '../planner/state/types.js';

/**
 * Hosts of the clusters that have HA VMs (ha_enabled in the state or the configuration): when
 * such a host stops answering, nssv takes it as failed — its HA VMs restart elsewhere, the rest
 * is left as recorded — instead of refusing to plan (issue 11). Elsewhere an unreachable host
 * stays an error.
 */
export function hostsWithHaVms(desired: readonly DesiredInstance[], state: State): Set<string> {
  const all = [...state.resources, ...desired];
  const clusters = new Set(
    all
      .filter((r) => r.type === 'nssv_vm' && r.attributes.ha_enabled === true)
      .map((r) => r.attributes.cluster_id)
      .filter((c): c is string => typeof c === 'string'),
  );
  const out = new Set<string>();
  for (const r of all) {
    const { name, cluster_id: cluster } = r.attributes;
    if (
      r.type === 'nssv_host' &&
      typeof name === 'string' &&
      typeof cluster === 'string' &&
      clusters.has(cluster)
    )
      out.add(name);
  }
  return out;
}

/** What the state records on `host` besides the host itself: HA VMs first, the rest after. */
export function recordedOn(
  host: string,
  desired: readonly DesiredInstance[],
  state: State,
): { ha: string[]; others: string[] } {
  const ha = new Set(
    desired.filter((d) => d.type === 'nssv_vm' && d.attributes.ha_enabled === true).map((d) => d.address),
  );
  const on = state.resources.filter(
    (r) => r.type !== 'nssv_host' && (r.attributes.host_id === host || r.attributes.name === host),
  );
  const isHa = (r: State['resources'][number]) =>
    r.type === 'nssv_vm' && (r.attributes.ha_enabled === true || ha.has(r.address));
  // An HA VM's rbd volumes follow it: the agent of the host it restarts on manages them.
  const rbdPools = new Set(
    state.resources
      .filter((r) => r.type === 'nssv_storage_pool' && r.attributes.kind === 'rbd')
      .map((r) => r.attributes.name),
  );
  const haVolumes = new Set(
    on
      .filter(isHa)
      .flatMap((r) => (Array.isArray(r.attributes.disk) ? r.attributes.disk : []))
      .map((d) =>
        d && typeof d === 'object' && !Array.isArray(d) ? (d as Attributes).volume_id : undefined,
      ),
  );
  const follows = (r: State['resources'][number]) =>
    r.type === 'nssv_volume' && rbdPools.has(r.attributes.pool_id) && haVolumes.has(r.attributes.name);
  return {
    ha: on.filter(isHa).map((r) => r.address),
    others: on.filter((r) => !isHa(r) && !follows(r) && r.type !== 'nssv_host').map((r) => r.address),
  };
}
