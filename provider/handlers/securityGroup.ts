import type { SecurityRuleSpec } from '../../agentd/api/types.js';
import type { Attributes } from '../../core/values.js';
import { blocks, str } from './attrs.js';
import { perHostHandler } from './perHost.js';

const intOrNull = (a: Attributes, key: string): number | null => (typeof a[key] === 'number' ? a[key] : null);

/** The rules as the agent takes them: a peer group becomes the /32s of its members' addresses. */
export function ruleSpecs(a: Attributes): SecurityRuleSpec[] {
  const peers = (a.peer_addresses ?? {}) as Record<string, string[]>;
  return blocks(a, 'rule').map((r) => {
    const peer = typeof r.peer_security_group_id === 'string' ? r.peer_security_group_id : null;
    const cidr = typeof r.cidr === 'string' ? r.cidr : null;
    return {
      direction: str(r, 'direction') as SecurityRuleSpec['direction'],
      protocol: str(r, 'protocol') as SecurityRuleSpec['protocol'],
      portFrom: intOrNull(r, 'port_from'),
      portTo: intOrNull(r, 'port_to'),
      remote: peer !== null ? (peers[peer] ?? []).map((ip) => `${ip}/32`) : cidr !== null ? [cidr] : null,
      action: str(r, 'action') as SecurityRuleSpec['action'],
      priority: typeof r.priority === 'number' ? r.priority : 100,
    };
  });
}

/**
 * A security group: recorded on every host of its data center, where the agent compiles it (with
 * the NICs that list it) into conntrack flows. Rule changes are updates: flows are rewritten in
 * place, no VM is touched. On a host whose flows are not what nssv computes (deleted out of band),
 * the group counts as missing, so the next apply installs them again.
 */
export const securityGroupHandler = perHostHandler({
  type: 'nssv_security_group',
  put: (agent, address, a) => agent.putSecurityGroup(str(a, 'name'), { address, rules: ruleSpecs(a) }),
  remove: (agent, a) => agent.deleteSecurityGroup(str(a, 'name')),
  find: (inv, a) => {
    const g = inv.securityGroups.find((x) => x.name === a.name);
    // Missing, recorded with other rules, or flows not as computed: not (properly) on this host.
    if (!g || !inv.firewall.inSync || JSON.stringify(g.rules) !== JSON.stringify(ruleSpecs(a))) return null;
    return {};
  },
  describe: (a) => `security group "${String(a.name)}"`,
  addressOn: (inv, a) => inv.securityGroups.find((x) => x.name === a.name)?.address,
});
