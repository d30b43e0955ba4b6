import { isUnknown, type Attributes, type AttrValue } from '../../../core/values.js';
import type { PlanContext, PlanNode } from '../../../planner/plan/context.js';
import { deriveGuestNetwork } from '../../../planner/plan/transforms/deriveGuestNetwork.js';
import type { Session } from '../session.js';

function node(type: string, planned: Attributes): PlanNode {
  return { address: `${type}.${String(planned.name)}`, type, planned, live: null, deps: [], notes: [] };
}

/**
 * A VM's NIC addresses and cloud-init network config as the provider plans them. Terraform plans
 * one resource at a time, so the provider does not allocate addresses: a NIC without a configured
 * `ip` keeps the one it has (or none). `guest_network` is derived by the native planner's own
 * transform from the port groups this process planned before (Terraform plans them first).
 */
export function planGuestNetwork(
  s: Session,
  planned: Attributes,
  prior: Attributes | null,
  config: Attributes,
): Attributes {
  const configured = Array.isArray(config.nic) ? (config.nic as Attributes[]) : [];
  const before = Array.isArray(prior?.nic) ? (prior.nic as Attributes[]) : [];
  if (!Array.isArray(planned.nic)) return planned;
  const nics = (planned.nic as Attributes[]).map((n, i) => {
    const set = configured[i]?.ip;
    if (!isUnknown(n.ip) || isUnknown(set)) return n;
    return { ...n, ip: (before[i]?.ip as AttrValue | undefined) ?? null };
  });
  const vm: Attributes = { ...planned, nic: nics };
  const nodes = new Map<string, PlanNode>();
  for (const n of nics) {
    const pg = s.recall('nssv_port_group', n.port_group_id);
    if (pg) nodes.set(`nssv_port_group.${String(pg.name)}`, node('nssv_port_group', pg));
  }
  nodes.set('vm', node('nssv_vm', vm));
  const ctx: PlanContext = {
    mode: 'normal',
    nodes,
    hostFacts: new Map(),
    diagnostics: [],
    changes: [],
    steps: [],
    barriers: {},
  };
  deriveGuestNetwork(ctx);
  return vm;
}
