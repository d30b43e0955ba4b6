import { freeMemoryMiB, type HostCapacity } from '../capacity.js';

/**
 * Low load first (the seeds' default): free memory, then free vCPUs, after the VMs that already
 * run (the live inventory) and those placed earlier in this plan, overcommit applied.
 */
export function lowLoadWeight(c: HostCapacity): [number, number] {
  return [freeMemoryMiB(c), c.vcpus - c.usedVcpus];
}
