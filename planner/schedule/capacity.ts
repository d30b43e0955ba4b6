import type { HostFacts } from '../plan/hostFacts.js';

/** What a host can still take, with the cluster's overcommit ratios applied. */
export interface HostCapacity {
  host: HostFacts;
  memoryMiB: number;
  vcpus: number;
  usedMemoryMiB: number;
  usedVcpus: number;
}

export function capacityOf(host: HostFacts, memoryRatio: number, cpuRatio: number): HostCapacity {
  return {
    host,
    memoryMiB: Math.floor(host.memoryMiB * memoryRatio),
    vcpus: Math.floor(host.cpus * cpuRatio),
    usedMemoryMiB: 0,
    usedVcpus: 0,
  };
}

export function freeMemoryMiB(c: HostCapacity): number {
  return c.memoryMiB - c.usedMemoryMiB;
}
