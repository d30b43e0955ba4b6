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
  const addressOf = (h: unknown): string | undefined =>
    typeof h === 'string' ? hostAddress.get(h) : undefined;
  for (const n of ctx.nodes.values()) {
    if (!n.planned) continue;
    const { host_id: host, host_ids: hosts } = n.planned;
    const extra: string[] = [];
    const first = addressOf(host);
    if (first) extra.push(first);
    if (Array.isArray(hosts)) {
      for (const h of hosts) {
        const a = addressOf(h);
        if (a) extra.push(a);
      }
    }
    if (extra.length === 0) continue;
    const deps = new Set(n.deps);
    for (const a of extra) deps.add(a);
    deps.delete(n.address);
    n.deps = [...deps].sort();
  }
}
