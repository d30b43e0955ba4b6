import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import { desiredNodes, type PlanContext } from '../context.js';

/** Names of the hosts whose cluster belongs to the data center, sorted; unknown if any is unknown. */
function hostsOfDatacenter(ctx: PlanContext, dc: AttrValue | undefined): AttrValue {
  if (typeof dc !== 'string') return unknownValue;
  const clusters = new Set<string>();
  for (const c of desiredNodes(ctx, 'nssv_cluster')) {
    const p = c.planned!;
    if (isUnknown(p.datacenter_id) || isUnknown(p.name)) return unknownValue;
    if (p.datacenter_id === dc) clusters.add(p.name as string);
  }
  const names: string[] = [];
  for (const h of desiredNodes(ctx, 'nssv_host')) {
    const p = h.planned!;
    if (isUnknown(p.cluster_id) || isUnknown(p.name)) return unknownValue;
    if (clusters.has(p.cluster_id as string)) names.push(p.name as string);
  }
  return names.sort();
}

/** Every group's member addresses: the ip of each planned NIC listing the group (unknown if any is). */
function members(ctx: PlanContext): Map<string, string[] | undefined> {
  const out = new Map<string, string[] | undefined>();
  for (const vm of desiredNodes(ctx, 'nssv_vm')) {
    const nics = vm.planned!.nic;
    if (!Array.isArray(nics)) continue;
    for (const nic of nics) {
      if (!nic || typeof nic !== 'object' || Array.isArray(nic) || isUnknown(nic)) continue;
      const n = nic as Attributes;
      const groups = Array.isArray(n.security_group_ids) ? n.security_group_ids : [];
      for (const g of groups) {
        if (typeof g !== 'string') continue;
        const list = out.has(g) ? out.get(g) : [];
        if (list === undefined) continue;
        if (isUnknown(n.ip)) out.set(g, undefined);
        else if (typeof n.ip === 'string') out.set(g, [...list, n.ip]);
        else out.set(g, list);
      }
    }
  }
  return out;
}

/**
 * Security groups are installed on every host of their data center (`host_ids`), and a rule
 * naming a peer group matches that group's member addresses, resolved here at plan time into
 * `peer_addresses`: a NIC joining or leaving a peer group shows as an in-place update of every
 * group that names it. Runs after NIC addresses are allocated.
 */
export function deriveSecurityGroups(ctx: PlanContext): void {
  const groups = desiredNodes(ctx, 'nssv_security_group');
  if (groups.length === 0) return;
  const byGroup = members(ctx);
  for (const n of groups) {
    const p = n.planned!;
    p.host_ids = hostsOfDatacenter(ctx, p.datacenter_id);
    const rules = Array.isArray(p.rule) ? p.rule : [];
    const peers: Record<string, AttrValue> = {};
    let unknown = false;
    for (const r of rules) {
      if (!r || typeof r !== 'object' || Array.isArray(r) || isUnknown(r)) continue;
      const peer = (r as Attributes).peer_security_group_id;
      if (isUnknown(peer)) unknown = true;
      if (typeof peer !== 'string') continue;
      const ips = byGroup.has(peer) ? byGroup.get(peer) : [];
      if (ips === undefined) unknown = true;
      else peers[peer] = [...new Set(ips)].sort(byAddress);
    }
    p.peer_addresses = unknown ? unknownValue : peers;
  }
}

function byAddress(a: string, b: string): number {
  const n = (s: string) => s.split('.').reduce((acc, x) => acc * 256 + Number(x), 0);
  return n(a) - n(b);
}
