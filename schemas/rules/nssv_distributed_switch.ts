import type { Rule } from './types.js';

export const distributedSwitchRules: Rule[] = [
  {
    id: 'distributed_switch.balance_tcp_lacp',
    code: 'NSSV_RULE_BOND_LACP',
    kind: 'requires',
    when: [{ attribute: 'bond_mode', equals: 'balance-tcp' }],
    attribute: 'lacp',
    says: 'bond_mode balance-tcp hashes flows across the uplinks and needs LACP negotiated with the physical switch',
  },
  {
    id: 'distributed_switch.lacp_uplinks',
    code: 'NSSV_RULE_BOND_UPLINKS',
    kind: 'minCount',
    when: [{ attribute: 'lacp', set: true }],
    attribute: 'uplinks',
    min: 2,
    says: 'LACP bonds two or more uplinks',
  },
  {
    id: 'distributed_switch.balance_uplinks',
    code: 'NSSV_RULE_BOND_UPLINKS',
    kind: 'minCount',
    when: [{ attribute: 'bond_mode', in: ['balance-slb', 'balance-tcp'] }],
    attribute: 'uplinks',
    min: 2,
    says: 'balance-slb and balance-tcp share traffic across two or more uplinks',
  },
  {
    id: 'distributed_switch.vxlan_port',
    code: 'NSSV_RULE_SWITCH_TRANSPORT',
    kind: 'forbids',
    when: [{ attribute: 'transport', equals: 'vlan' }],
    attribute: 'vxlan_port',
    says: 'vxlan_port applies to switches with vxlan transport only',
  },
];
