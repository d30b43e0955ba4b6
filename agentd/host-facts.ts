import { access, constants } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import type { AgentConfig, DomainType, HostFacts, MigrationTarget } from '../schemas/generated/agentApi.js';
import type { Virsh } from './drivers/virsh.js';
import { AGENT_VERSION } from './version.js';

/** 'auto': KVM when /dev/kvm can be opened for reading and writing, otherwise TCG ('qemu'). */
export async function detectDomainType(
  configured: AgentConfig['domainType'],
  kvmDevice = '/dev/kvm',
): Promise<DomainType> {
  if (configured !== 'auto') return configured;
  try {
    await access(kvmDevice, constants.R_OK | constants.W_OK);
    return 'kvm';
  } catch {
    return 'qemu';
  }
}

/**
 * Host facts for the inventory: CPUs from libvirt (what guests can get), else from the OS; memory
 * from the OS (agentd runs on the host), because `virsh nodeinfo` can report one NUMA node's
 * memory only (seen here: 5338 MiB on a 24 GiB machine).
 */
export class HostFactsSource {
  private cached: { cpus: number; memoryMiB: number } | undefined;

  constructor(
    private readonly hostName: string,
    private readonly domainType: DomainType,
    private readonly virsh: Virsh,
    private readonly tunnelIp: string | null = null,
    private readonly migration?: MigrationTarget,
  ) {}

  async get(): Promise<HostFacts> {
    if (!this.cached) {
      try {
        const node = await this.virsh.nodeInfo();
        if (node.cpus > 0) this.cached = { cpus: node.cpus, memoryMiB: Math.floor(totalmem() / 1024 ** 2) };
      } catch {
        // libvirt unreachable: fall back to the OS below, and ask libvirt again next time.
      }
    }
    const resources = this.cached ?? { cpus: cpus().length, memoryMiB: Math.floor(totalmem() / 1024 ** 2) };
    return {
      name: this.hostName,
      agentVersion: AGENT_VERSION,
      domainType: this.domainType,
      ...resources,
      tunnelIp: this.tunnelIp,
      ...(this.migration ? { migration: this.migration } : {}),
    };
  }
}
