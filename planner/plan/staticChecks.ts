import type { DesiredInstance } from '../config/types.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { Attributes } from '../../core/values.js';
import { planErrors } from './errors.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Checks between resources that need no host: a VM pinned to an undeclared host or to a host of
 * another cluster, a NIC on a switch that does not span the VM's cluster, a volume attached to two
 * VMs. `nssv validate` runs them; plan runs them again with placement.
 */
export function staticChecks(instances: readonly DesiredInstance[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byType = (t: string) => instances.filter((d) => d.type === t);
  const hosts = new Map(byType('nssv_host').map((h) => [str(h.attributes.name), h]));
  const switches = new Map(byType('nssv_distributed_switch').map((s) => [str(s.attributes.name), s]));
  const groups = new Map(byType('nssv_port_group').map((g) => [str(g.attributes.name), g]));
  const volumeUsers = new Map<string, string[]>();
  for (const vm of byType('nssv_vm')) {
    const a = vm.attributes;
    const cluster = str(a.cluster_id);
    const pin = str(a.host_id);
    const pinRange = vm.attributeRanges.host_id ?? vm.range;
    if (pin !== undefined) {
      const host = hosts.get(pin);
      if (!host) {
        out.push(
          planErrors.unknownHost(
            vm.address,
            'host_id',
            pin,
            [...hosts.keys()].filter((h): h is string => !!h),
            pinRange,
          ),
        );
      } else if (cluster && str(host.attributes.cluster_id) && host.attributes.cluster_id !== cluster) {
        out.push(
          planErrors.hostNotInCluster(vm.address, pin, String(host.attributes.cluster_id), cluster, pinRange),
        );
      }
    }
    const nics = Array.isArray(a.nic) ? (a.nic as Attributes[]) : [];
    nics.forEach((nic, i) => {
      const pg = groups.get(str(nic.port_group_id));
      const sw = pg ? switches.get(str(pg.attributes.switch_id)) : undefined;
      const spans = sw?.attributes.cluster_ids;
      if (
        !sw ||
        !cluster ||
        !Array.isArray(spans) ||
        spans.some((c) => typeof c !== 'string') ||
        spans.includes(cluster)
      )
        return;
      out.push(
        planErrors.portGroupNotOnCluster(
          vm.address,
          i,
          String(pg!.attributes.name),
          String(sw.attributes.name),
          cluster,
          vm.attributeRanges[`nic[${i}].port_group_id`] ?? vm.range,
        ),
      );
    });
    for (const d of Array.isArray(a.disk) ? (a.disk as Attributes[]) : []) {
      const id = str(d.volume_id);
      if (id) volumeUsers.set(id, [...(volumeUsers.get(id) ?? []), vm.address]);
    }
  }
  for (const vol of byType('nssv_volume')) {
    const users = volumeUsers.get(str(vol.attributes.name) ?? '') ?? [];
    if (users.length > 1) out.push(planErrors.volumeShared(vol.address, users, vol.range));
  }
  return out;
}
