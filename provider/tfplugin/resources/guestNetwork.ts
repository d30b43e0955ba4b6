import { isUnknown, type Attributes, type AttrValue } from '../../../core/values.js';
import { cloudInitSeedOf, guestNetworkOf } from '../../../planner/plan/transforms/deriveGuestNetwork.js';
import type { Session } from '../session.js';

/**
 * A VM's NIC addresses and cloud-init network config as the provider plans them. Terraform plans
 * one resource at a time, so the provider does not allocate addresses: a NIC without a configured
 * `ip` keeps the one it has (or none). `guest_network` is derived by the native planner's own
 * function from the port groups this process planned before (Terraform plans them first), and
 * `cloud_init_seed` (intact when the VM has a seed) as the native planner derives it.
 */
export function planGuestNetwork(
  s: Session,
  planned: Attributes,
  prior: Attributes | null,
  config: Attributes,
): Attributes {
  const configured = Array.isArray(config.nic) ? (config.nic as Attributes[]) : [];
  const before = Array.isArray(prior?.nic) ? (prior.nic as Attributes[]) : [];
  if (!Array.isArray(planned.nic)) return planned;
  const nics = (planned.nic as Attributes[]).map((n, i) => {
    const set = configured[i]?.ip;
    if (!isUnknown(n.ip) || isUnknown(set)) return n;
    return { ...n, ip: (before[i]?.ip as AttrValue | undefined) ?? null };
  });
  const portGroups = new Map<string, Attributes>();
  for (const n of nics) {
    const pg = s.recall('nssv_port_group', n.port_group_id);
    if (pg) portGroups.set(String(pg.id ?? pg.name), pg);
  }
  const vm: Attributes = { ...planned, nic: nics };
  vm.guest_network = guestNetworkOf(vm, portGroups);
  vm.cloud_init_seed = cloudInitSeedOf(vm);
  return vm;
}
