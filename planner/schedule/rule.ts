import type { NssvSchedulingGroupPlanned } from '../../schemas/generated/types.js';

/** A scheduling group as the scheduler sees it (the seeds' four policies, mandatory or preferred). */
export interface Rule {
  name: string;
  policy: NssvSchedulingGroupPlanned['policy'];
  mode: NssvSchedulingGroupPlanned['mode'];
  /** The host group's name and hosts, for the two VM–host policies. */
  hostGroup?: { name: string; hosts: ReadonlySet<string> };
}

const labels: Record<Rule['policy'], string> = {
  'vm-anti-affinity': 'anti-affinity',
  'vm-affinity': 'affinity',
  'vm-host-affinity': 'host-affinity',
  'vm-host-anti-affinity': 'host-anti-affinity',
};

/** How the plan names a rule: `anti-affinity: web`. */
export function ruleLabel(rule: Rule): string {
  return `${labels[rule.policy]}: ${rule.name}`;
}
