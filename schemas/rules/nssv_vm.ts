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
];
