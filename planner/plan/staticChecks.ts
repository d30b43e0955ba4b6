import type { DesiredInstance } from '../config/types.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { Attributes } from '../../core/values.js';
import { checkHostPin } from './checks/hostPin.js';
import { checkImageStorageKind } from './checks/imageStorageKind.js';
import { checkNicReach, type PortGroupReach } from './checks/nicReach.js';
import { planErrors } from './errors.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Checks between resources that need no host: a VM pinned to an undeclared host or to a host of
 * another cluster, a NIC on a switch that does not span the VM's cluster, a volume attached to two
 * VMs, a volume made from an image of another kind of storage than its pool's. `nssv validate` runs them; plan runs them again with placement.
 */
export function staticChecks(instances: readonly DesiredInstance[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byType = (t: string) => instances.filter((d) => d.type === t);
  const hostClusters = new Map<string, string | undefined>();
  for (const h of byType('nssv_host')) {
    const name = str(h.attributes.name);
    if (name) hostClusters.set(name, str(h.attributes.cluster_id) || undefined);
  }
  const switches = new Map(byType('nssv_distributed_switch').map((s) => [str(s.attributes.name), s]));
  const groups = new Map(byType('nssv_port_group').map((g) => [str(g.attributes.name), g]));
  const reachOf = (id: string): PortGroupReach | undefined => {
    const pg = groups.get(id);
    const sw = pg ? switches.get(str(pg.attributes.switch_id)) : undefined;
    if (!pg || !sw) return undefined;
    const spans = sw.attributes.cluster_ids;
    const clusters = Array.isArray(spans) && spans.every((c) => typeof c === 'string') ? spans : undefined;
    return {
      name: String(pg.attributes.name),
      switchName: String(sw.attributes.name),
      ...(clusters ? { clusters } : {}),
    };
  };
  const volumeUsers = new Map<string, string[]>();
  for (const vm of byType('nssv_vm')) {
    const a = vm.attributes;
    const cluster = str(a.cluster_id) || undefined;
    const pin = str(a.host_id);
    if (pin !== undefined) {
      const range = vm.attributeRanges.host_id ?? vm.range;
      out.push(...checkHostPin({ address: vm.address, cluster, host: pin, range }, hostClusters));
    }
    const nics = Array.isArray(a.nic) ? (a.nic as Attributes[]) : [];
    const range = (i: number) => vm.attributeRanges[`nic[${i}].port_group_id`] ?? vm.range;
    out.push(...checkNicReach({ address: vm.address, cluster, host: undefined, nics, range }, reachOf));
    for (const d of Array.isArray(a.disk) ? (a.disk as Attributes[]) : []) {
      const id = str(d.volume_id);
      if (id) volumeUsers.set(id, [...(volumeUsers.get(id) ?? []), vm.address]);
    }
  }
  const named = (t: string) => new Map(byType(t).map((d) => [str(d.attributes.name), d.attributes]));
  const pools = named('nssv_storage_pool');
  const images = named('nssv_image');
  const storages = named('nssv_image_storage');
  for (const vol of byType('nssv_volume')) {
    const users = volumeUsers.get(str(vol.attributes.name) ?? '') ?? [];
    if (users.length > 1) out.push(planErrors.volumeShared(vol.address, users, vol.range));
    const pool = pools.get(str(vol.attributes.pool_id));
    const image = images.get(str(vol.attributes.source_image_id));
    const storage = image && storages.get(str(image.image_storage_id));
    if (pool && image && storage && str(pool.kind)) {
      out.push(
        ...checkImageStorageKind({
          address: vol.address,
          pool: { name: String(pool.name), kind: String(pool.kind) },
          image: {
            name: String(image.name),
            storage: String(storage.name),
            storageKind: str(storage.kind) ?? 'dir',
          },
          range: vol.attributeRanges.source_image_id ?? vol.range,
        }),
      );
    }
  }
  return out;
}
