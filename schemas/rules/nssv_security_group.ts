import type { Rule } from './types.js';

export const securityGroupRules: Rule[] = [
  {
    id: 'security_group.rule_remote',
    code: 'NSSV_RULE_SECURITY_GROUP_REMOTE',
    kind: 'atMostOne',
    block: 'rule',
    attributes: ['cidr', 'peer_security_group_id'],
    says: 'a rule matches remote addresses by cidr or by peer security group, not both',
  },
  ...(['port_from', 'port_to'] as const).map((attribute): Rule => ({
    id: `security_group.rule_${attribute}`,
    code: 'NSSV_RULE_SECURITY_GROUP_PORTS',
    kind: 'forbids',
    block: 'rule',
    when: [{ attribute: 'protocol', in: ['icmp', 'all'] }],
    attribute,
    says: 'ports apply to tcp and udp rules only',
  })),
  {
    id: 'security_group.rule_port_order',
    code: 'NSSV_RULE_ORDER',
    kind: 'order',
    block: 'rule',
    first: 'port_from',
    second: 'port_to',
    says: 'a port range starts at or before its end',
  },
  {
    id: 'security_group.rule_cidr',
    code: 'NSSV_RULE_CIDR',
    kind: 'cidr',
    block: 'rule',
    attribute: 'cidr',
    says: 'cidr is an IPv4 network address with a prefix length 0–32 and no host bits set',
  },
];
