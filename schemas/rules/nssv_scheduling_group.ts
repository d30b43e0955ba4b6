import type { Rule } from './types.js';

export const schedulingGroupRules: Rule[] = [
  {
    id: 'scheduling_group.host_group_required',
    code: 'NSSV_RULE_SCHEDULING_HOST_GROUP',
    kind: 'requires',
    when: [{ attribute: 'policy', in: ['vm-host-affinity', 'vm-host-anti-affinity'] }],
    attribute: 'host_group_id',
    says: 'VM–host policies (vm-host-affinity, vm-host-anti-affinity) place VMs relative to a host group',
  },
  {
    id: 'scheduling_group.host_group_forbidden',
    code: 'NSSV_RULE_SCHEDULING_HOST_GROUP',
    kind: 'forbids',
    when: [{ attribute: 'policy', in: ['vm-affinity', 'vm-anti-affinity'] }],
    attribute: 'host_group_id',
    says: 'VM–VM policies (vm-affinity, vm-anti-affinity) place VMs relative to each other, not to a host group',
  },
];
