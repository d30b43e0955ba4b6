import type { Attributes } from '../../core/values.js';
import type { SecurityRuleSpec } from '../../schemas/generated/agentApi.js';
import { typed } from './attrs.js';
import { perHostHandler } from './perHost.js';

const sg = (a: Attributes) => typed('nssv_security_group', a);

/** The rules as the agent takes them: a peer group becomes the /32s of its members' addresses. */
export function ruleSpecs(a: Attributes): SecurityRuleSpec[] {
  const peers = sg(a).peer_addresses ?? {};
  return sg(a).rule.map((r) => ({
    direction: r.direction,
    protocol: r.protocol,
    portFrom: r.port_from,
    portTo: r.port_to,
    remote:
      typeof r.peer_security_group_id === 'string'
        ? (peers[r.peer_security_group_id] ?? []).map((ip) => `${ip}/32`)
        : typeof r.cidr === 'string'
          ? [r.cidr]
          : null,
    action: r.action,
    priority: r.priority,
  }));
}

/**
 * A security group: recorded on every host of its data center, where the agent compiles it (with
 * the NICs that list it) into conntrack flows. Rule changes are updates: flows are rewritten in
 * place, no VM is touched. On a host whose flows are not what nssv computes (deleted out of band),
 * the group counts as missing, so the next apply installs them again.
 */
export const securityGroupHandler = perHostHandler({
  type: 'nssv_security_group',
  put: (agent, address, a) => agent.putSecurityGroup(sg(a).name, { address, rules: ruleSpecs(a) }),
  remove: (agent, a) => agent.deleteSecurityGroup(sg(a).name),
  find: (inv, a) => {
    const g = inv.securityGroups.find((x) => x.name === sg(a).name);
    // Missing, recorded with other rules, or flows not as computed: not (properly) on this host.
    if (!g || !inv.firewall.inSync || JSON.stringify(g.rules) !== JSON.stringify(ruleSpecs(a))) return null;
    return {};
  },
  describe: (a) => `security group "${sg(a).name}"`,
  addressOn: (inv, a) => inv.securityGroups.find((x) => x.name === sg(a).name)?.address,
});
