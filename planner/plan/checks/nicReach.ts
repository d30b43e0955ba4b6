import type { Diagnostic, SourceRange } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import { planErrors } from '../errors.js';

/** A VM's NICs, with its cluster and, once placed, its host. */
export interface NicOwner {
  address: string;
  cluster: string | undefined;
  /** Undefined before placement (nssv validate): the rule then checks the cluster. */
  host: string | undefined;
  nics: readonly Attributes[];
  /** Where nic[i].port_group_id is set. */
  range(i: number): SourceRange | undefined;
}

/** Where a port group is: its switch, and the clusters or hosts that switch spans (when known). */
export interface PortGroupReach {
  name: string;
  switchName: string;
  clusters?: readonly string[];
  /** A set where many VMs are checked against a switch spanning many hosts. */
  hosts?: readonly string[] | ReadonlySet<string>;
}

function spans(hosts: readonly string[] | ReadonlySet<string>, host: string): boolean {
  return 'has' in hosts ? hosts.has(host) : hosts.includes(host);
}

/**
 * The port-group reach rule, the one place it lives: a NIC's port group exists only where its
 * distributed switch is, so it must reach the VM's host (after placement) or span the VM's
 * cluster (before). `nssv validate` checks clusters; plan checks hosts.
 */
export function checkNicReach(
  vm: NicOwner,
  groupOf: (portGroupId: string) => PortGroupReach | undefined,
): Diagnostic[] {
  return vm.nics.flatMap((nic, i) => {
    const pg = typeof nic.port_group_id === 'string' ? groupOf(nic.port_group_id) : undefined;
    if (!pg) return [];
    if (vm.host !== undefined && pg.hosts) {
      if (spans(pg.hosts, vm.host)) return [];
      const where = { cluster: String(vm.cluster), host: vm.host };
      return [planErrors.portGroupNotReached(vm.address, i, pg.name, pg.switchName, where, vm.range(i))];
    }
    if (vm.cluster === undefined || !pg.clusters || pg.clusters.includes(vm.cluster)) return [];
    const where = { cluster: vm.cluster };
    return [planErrors.portGroupNotReached(vm.address, i, pg.name, pg.switchName, where, vm.range(i))];
  });
}
