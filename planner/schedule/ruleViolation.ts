import type { Occupancy } from './occupancy.js';
import type { Rule } from './rule.js';

/**
 * Why putting a VM of `rule`'s group on `host` breaks the rule, or undefined when it keeps it.
 * The mandatory filter rejects such hosts; the preferred weigher ranks them last.
 */
export function ruleViolation(rule: Rule, host: string, placed: Occupancy): string | undefined {
  switch (rule.policy) {
    case 'vm-anti-affinity': {
      const there = placed.groupVmsOn(rule.name, host);
      return there.length > 0 ? `already runs ${there.join(', ')} of the group` : undefined;
    }
    case 'vm-affinity': {
      const hosts = placed.groupHosts(rule.name);
      if (hosts.length === 0 || hosts.includes(host)) return undefined;
      return `the group's VMs run on ${hosts.join(', ')}`;
    }
    case 'vm-host-affinity':
      return rule.hostGroup!.hosts.has(host) ? undefined : `not in host group ${rule.hostGroup!.name}`;
    case 'vm-host-anti-affinity':
      return rule.hostGroup!.hosts.has(host) ? `in host group ${rule.hostGroup!.name}` : undefined;
  }
}
