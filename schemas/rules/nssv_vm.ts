import type { Rule } from './types.js';

export const vmRules: Rule[] = [
  {
    id: 'vm.nic_ip_in_cidr',
    code: 'NSSV_RULE_OUTSIDE_CIDR',
    kind: 'inCidr',
    block: 'nic',
    attribute: 'ip',
    cidr: 'cidr',
    cidrVia: 'port_group_id',
    says: "a NIC's fixed ip lies inside the cidr of its port group",
  },
  {
    id: 'vm.pci_passthrough_host',
    code: 'NSSV_RULE_PCI_PASSTHROUGH_HOST',
    kind: 'requires',
    when: [{ attribute: 'pci_passthrough', set: true }],
    attribute: 'host_id',
    says: "a VM with pci_passthrough devices is pinned with host_id: the devices are the host's, so the scheduler never places it and it is never migrated",
  },
];
