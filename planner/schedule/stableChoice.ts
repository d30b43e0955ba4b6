import { createHash } from 'node:crypto';
import { freeMemoryMiB, type HostCapacity } from './capacity.js';
import type { VmDemand } from './vmDemand.js';

export type Choice = { ok: true; host: HostCapacity; why: string } | { ok: false; why: string };

/** A number in (0, 1) from the key and host name, the same on every run and machine. */
function unit(key: string, host: string): number {
  const h = createHash('sha256').update(`${key}\u0000${host}`).digest();
  return (h.readUInt32BE(0) + 1) / 2 ** 32 + 1e-12;
}

/**
 * Placement that depends only on the VM and its candidates' fixed sizes, never on the order
 * VMs are planned in or on what else the same plan places: weighted rendezvous hashing over the
 * hosts that fit (each host is chosen for a share of VMs proportional to its capacity, overcommit
 * applied). Terraform plans each resource alone, in parallel, and plans it again at apply time,
 * when VMs created earlier in the same apply already hold memory: a choice that moved with load
 * would differ between the two plans, which Terraform rejects. Fit is still checked against
 * the hosts' current load.
 */
export function stableChooseHost(candidates: readonly HostCapacity[], vm: VmDemand, key: string): Choice {
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
  const score = (c: HostCapacity): number => -Math.max(c.memoryMiB, 1) / Math.log(unit(key, c.host.name));
  const [host] = [...fitting].sort((a, b) => score(b) - score(a) || (a.host.name < b.host.name ? -1 : 1));
  return {
    ok: true,
    host: host!,
    why: `its share of ${fitting.length} fitting host(s), by capacity (${freeMemoryMiB(host!)} MiB free)`,
  };
}
