import { freeMemoryMiB, type HostCapacity } from '../capacity.js';
import type { VmDemand } from '../vmDemand.js';

/** Rejects a host without the VM's memory and vCPUs free, the cluster's overcommit applied. */
export function capacityFilter(c: HostCapacity, vm: VmDemand): string | undefined {
  const freeVcpus = c.vcpus - c.usedVcpus;
  if (freeMemoryMiB(c) >= vm.memoryMiB && freeVcpus >= vm.vcpus) return undefined;
  return `${freeMemoryMiB(c)} MiB and ${freeVcpus} vCPUs free, needs ${vm.memoryMiB} MiB and ${vm.vcpus} vCPUs`;
}
