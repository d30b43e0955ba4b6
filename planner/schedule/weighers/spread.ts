import type { Occupancy } from '../occupancy.js';
import type { Rule } from '../rule.js';

/**
 * Scatter by default (the seeds): fewer VMs of the same group on the host weigh more, or, for
 * a VM without a group, fewer VMs of its cluster. An affinity group is not spread.
 */
export function spreadWeight(rule: Rule | undefined, host: string, placed: Occupancy): number {
  if (rule?.policy === 'vm-affinity') return 0;
  return -(rule ? placed.groupVmsOn(rule.name, host).length : placed.vmsOn(host));
}
