import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import { desiredNodes, type PlanContext } from '../context.js';

/** A VM gets a cloud-init seed when it asks for something only cloud-init can do. */
export function wantsSeed(vm: Attributes): boolean {
  const nics = Array.isArray(vm.nic) ? (vm.nic as Attributes[]) : [];
  return (
    typeof vm.user_data === 'string' ||
    isUnknown(vm.user_data) ||
    (Array.isArray(vm.ssh_authorized_keys) && vm.ssh_authorized_keys.length > 0) ||
    isUnknown(vm.ssh_authorized_keys) ||
    nics.some((n) => typeof n?.ip === 'string' || isUnknown(n?.ip))
  );
}

/**
 * What a VM's seed must be on its host (`cloud_init_seed`): intact when the VM has one, else
 * null. The host reports missing or modified for a seed changed out of band: drift to repair.
 */
export function cloudInitSeedOf(vm: Attributes): AttrValue {
  return wantsSeed(vm) ? 'intact' : null;
}

function prefixOf(cidr: AttrValue | undefined): AttrValue {
  if (isUnknown(cidr)) return unknownValue;
  return typeof cidr === 'string' ? (cidr.split('/')[1] ?? null) : null;
}

/**
 * What cloud-init will tell each NIC of a VM (`guest_network`): its fixed address with the
 * port group's prefix length, the port group's gateway and DNS; a NIC without an ip (or on a
 * port group without a cidr) is told to use DHCP (address null). Computed here so a port group
 * change shows as an update of the VMs whose seed it changes.
 */
export function deriveGuestNetwork(ctx: PlanContext): void {
  const portGroups = new Map<string, Attributes>();
  for (const n of desiredNodes(ctx, 'nssv_port_group')) portGroups.set(String(n.planned!.id), n.planned!);
  for (const n of desiredNodes(ctx, 'nssv_vm')) {
    n.planned!.guest_network = guestNetworkOf(n.planned!, portGroups);
    n.planned!.cloud_init_seed = cloudInitSeedOf(n.planned!);
  }
}

/** One VM's guest_network, from its NICs and the port groups by id (a missing one: DHCP). */
export function guestNetworkOf(vm: Attributes, portGroups: ReadonlyMap<string, Attributes>): AttrValue {
  if (!wantsSeed(vm)) return [];
  const nics = Array.isArray(vm.nic) ? (vm.nic as Attributes[]) : [];
  if (isUnknown(vm.nic) || nics.some((x) => isUnknown(x?.port_group_id))) return unknownValue;
  return nics.map((nic) => {
    const pg = portGroups.get(String(nic.port_group_id)) ?? {};
    const prefix = prefixOf(pg.cidr);
    if (isUnknown(nic.ip) || isUnknown(prefix) || isUnknown(pg.gateway) || isUnknown(pg.dns_servers)) {
      return unknownValue;
    }
    const fixed = typeof nic.ip === 'string' && typeof prefix === 'string';
    return {
      address: fixed ? `${nic.ip as string}/${prefix}` : null,
      gateway: fixed && typeof pg.gateway === 'string' ? pg.gateway : null,
      dns_servers: Array.isArray(pg.dns_servers) ? pg.dns_servers : [],
      dns_domain: typeof pg.dns_domain === 'string' ? pg.dns_domain : null,
    };
  });
}
