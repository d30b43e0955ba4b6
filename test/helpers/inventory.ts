import type { Inventory } from '../../schemas/generated/agentApi.js';

/** An agent inventory of a host with nothing on it; `over` adds what the test needs. */
export function emptyInventory(name: string, over: Partial<Inventory> = {}): Inventory {
  return {
    host: { name, agentVersion: 't', domainType: 'qemu', cpus: 4, memoryMiB: 2048, tunnelIp: null },
    pools: [],
    rbdPools: [],
    volumes: [],
    snapshots: [],
    switches: [],
    portGroups: [],
    domains: [],
    tunnels: [],
    securityGroups: [],
    firewall: { inSync: true, ports: [], flows: [] },
    imageStores: [],
    images: [],
    ...over,
  };
}
