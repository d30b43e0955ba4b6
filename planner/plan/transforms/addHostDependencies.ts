import type { PlanContext } from '../context.js';

/**
 * A placed VM or volume, and a switch, port group or pool realised on hosts, must wait for
 * those hosts' nssv_host instances even when the configuration never names them.
 */
export function addHostDependencies(ctx: PlanContext): void {
  const hostAddress = new Map<string, string>();
  for (const n of ctx.nodes.values()) {
    if (n.type === 'nssv_host' && n.planned && typeof n.planned.name === 'string')
      hostAddress.set(n.planned.name, n.address);
  }
  for (const n of ctx.nodes.values()) {
    if (!n.planned) continue;
    const hosts = [n.planned.host_id, ...(Array.isArray(n.planned.host_ids) ? n.planned.host_ids : [])];
    const extra = hosts
      .map((h) => (typeof h === 'string' ? hostAddress.get(h) : undefined))
      .filter((a): a is string => !!a);
    if (extra.length) n.deps = [...new Set([...n.deps, ...extra])].filter((a) => a !== n.address).sort();
  }
}
