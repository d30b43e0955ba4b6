import { capacityOf, type HostCapacity } from '../../../planner/schedule/capacity.js';
import { stableChooseHost } from '../../../planner/schedule/stableChoice.js';
import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Session } from '../session.js';

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

/** Where a volume of this name lives now, if any host has it (pool given or not). */
async function volumeHost(s: Session, name: string, hosts: readonly string[]): Promise<string | undefined> {
  for (const h of hosts) {
    const inv = await s.ctx.inventory(h);
    if (inv.volumes.some((v) => v.name === name)) return h;
  }
  return undefined;
}

async function capacities(s: Session, cluster: string, self: string): Promise<HostCapacity[]> {
  const c = s.recall('nssv_cluster', cluster);
  const out: HostCapacity[] = [];
  for (const name of s.hostsOf([cluster])) {
    const inv = await s.ctx.inventory(name);
    const host = s.recall('nssv_host', name);
    const cap = capacityOf(
      {
        name,
        cluster,
        address: `nssv_host.${name}`,
        cpus: inv.host.cpus,
        memoryMiB: inv.host.memoryMiB,
        maintenance: host?.maintenance === true,
      },
      num(c?.memory_overcommit_ratio, 1),
      num(c?.cpu_overcommit_ratio, 1),
    );
    for (const d of inv.domains) {
      if (d.name === self) continue;
      cap.usedMemoryMiB += d.memoryMiB;
      cap.usedVcpus += d.vcpus;
    }
    if (!cap.host.maintenance) out.push(cap);
  }
  return out;
}

export interface Placed {
  host: AttrValue;
  why?: string;
  diagnostics: Diagnostic[];
}

/** A new VM with no host_id: on its first volume's host, else the scheduler's stable choice in its cluster. */
export async function placeVm(s: Session, address: string, p: Attributes): Promise<Placed> {
  if (typeof p.cluster_id !== 'string') return { host: unknownValue, diagnostics: [] };
  const cluster = p.cluster_id;
  const disks = Array.isArray(p.disk) ? (p.disk as Attributes[]) : [];
  const first = disks[0]?.volume_id;
  if (isUnknown(first)) return { host: unknownValue, diagnostics: [] };
  if (typeof first === 'string') {
    const planned = s.recall('nssv_volume', first)?.host_id;
    const host = typeof planned === 'string' ? planned : await volumeHost(s, first, s.hostsOf([cluster]));
    if (host) return { host, why: `its volume ${first} is there`, diagnostics: [] };
  }
  const choice = stableChooseHost(
    await capacities(s, cluster, String(p.name)),
    {
      memoryMiB: num(p.memory_mib, 0),
      vcpus: num(p.vcpus, 0),
    },
    String(p.name),
  );
  if (!choice.ok) {
    return {
      host: unknownValue,
      diagnostics: [
        {
          severity: 'error',
          code: 'NSSV_PLACEMENT_FAILED',
          address,
          attribute: 'host_id',
          summary: `${address}: cannot place the VM in cluster "${cluster}": ${choice.why}`,
          detail:
            'Fix: lower memory_mib or vcpus, add a host to the cluster, or take one out of maintenance.',
        },
      ],
    };
  }
  return { host: choice.host.host.name, why: choice.why, diagnostics: [] };
}

/** A new volume with no host_id: where it already is, else a stable choice among its pool's hosts. */
export async function placeVolume(s: Session, p: Attributes): Promise<AttrValue> {
  if (typeof p.name !== 'string' || typeof p.pool_id !== 'string') return unknownValue;
  const pool = s.recall('nssv_storage_pool', p.pool_id);
  const hosts =
    pool && Array.isArray(pool.host_ids) ? (pool.host_ids as string[]) : [...s.hosts.keys()].sort();
  const existing = await volumeHost(s, p.name, hosts);
  if (existing) return existing;
  const caps: HostCapacity[] = [];
  for (const name of hosts) {
    const inv = await s.ctx.inventory(name);
    caps.push(
      capacityOf(
        {
          name,
          cluster: '',
          address: '',
          cpus: inv.host.cpus,
          memoryMiB: inv.host.memoryMiB,
          maintenance: false,
        },
        1,
        1,
      ),
    );
  }
  const choice = stableChooseHost(caps, { memoryMiB: 0, vcpus: 0 }, p.name);
  return choice.ok ? choice.host.host.name : unknownValue;
}
