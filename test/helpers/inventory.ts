import type { DomainInfo, Inventory } from '../../schemas/generated/agentApi.js';

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

/** A running domain nssv manages (address nssv_vm.NAME), no disks or NICs; `over` changes what the test needs. */
export function domainInfo(name: string, over: Partial<DomainInfo> = {}): DomainInfo {
  return {
    name,
    uuid: `u-${name}`,
    address: `nssv_vm.${name}`,
    vcpus: 1,
    memoryMiB: 128,
    maxVcpus: 1,
    maxMemoryMiB: 128,
    tags: {},
    disks: [],
    nics: [],
    onCrash: 'destroy',
    state: 'running',
    powerState: 'running',
    ...over,
  };
}
