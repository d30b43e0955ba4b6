import type { HostFacts as AgentHostFacts, PciDeviceInfo } from '../../schemas/generated/agentApi.js';

/**
 * What the scheduler needs to know about a host: what its agent reports (name, CPUs, memory),
 * plus where the configuration puts it (cluster, address, maintenance, labels).
 */
export type HostFacts = Pick<AgentHostFacts, 'name' | 'cpus' | 'memoryMiB'> & {
  cluster: string;
  address: string;
  maintenance: boolean;
  /** nssv_host.labels (rack, chassis…); absent: none. */
  labels?: Readonly<Record<string, string>>;
  /** The host's PCI devices (nssv_vm.pci_passthrough); absent: not known (not read, or an older agent). */
  pciDevices?: readonly PciDeviceInfo[];
};
