import type { DomainSpec } from '../../schemas/generated/agentApi.js';
import { freeMemoryMiB, type HostCapacity } from './capacity.js';

/** What a VM asks of a host: the sizes its domain spec will carry. */
export type VmDemand = Pick<DomainSpec, 'memoryMiB' | 'vcpus'>;

export type Choice = { ok: true; host: HostCapacity; why: string } | { ok: false; why: string };

/**
 * Low-load first (the seeds' default policy): the host with the most free memory that fits,
 * then the most free vCPUs, then the name, so the same inputs always give the same host.
 */
export function chooseHost(candidates: readonly HostCapacity[], vm: VmDemand): Choice {
  if (candidates.length === 0)
    return { ok: false, why: 'the cluster has no host that is not in maintenance' };
  const fitting = candidates.filter(
    (c) => freeMemoryMiB(c) >= vm.memoryMiB && c.vcpus - c.usedVcpus >= vm.vcpus,
  );
  if (fitting.length === 0) {
    const best = [...candidates].sort((a, b) => freeMemoryMiB(b) - freeMemoryMiB(a))[0]!;
    return {
      ok: false,
      why: `no host has ${vm.memoryMiB} MiB of memory and ${vm.vcpus} vCPUs free (most free: ${best.host.name} with ${freeMemoryMiB(best)} MiB and ${best.vcpus - best.usedVcpus} vCPUs, overcommit included)`,
    };
  }
  const [host] = [...fitting].sort(
    (a, b) =>
      freeMemoryMiB(b) - freeMemoryMiB(a) ||
      b.vcpus - b.usedVcpus - (a.vcpus - a.usedVcpus) ||
      (a.host.name < b.host.name ? -1 : 1),
  );
  return { ok: true, host: host!, why: `most free memory (${freeMemoryMiB(host!)} MiB)` };
}
