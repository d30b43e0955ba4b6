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
    let deps = n.deps;
    const add = (a: string | undefined): void => {
      if (a === undefined || a === n.address) return;
      const at = sortedIndex(deps, a);
      if (deps[at] === a) return;
      // a new array, never an insert in place: n.deps may be shared with the instance it came
      // from (and an exact-size copy, where splice would leave the array room to grow)
      deps = deps.toSpliced(at, 0, a);
    };
    add(addressOf(host));
    if (Array.isArray(hosts)) for (let i = 0; i < hosts.length; i++) add(addressOf(hosts[i]));
    n.deps = deps;
  }
}

/** Where `a` is or would go in the sorted `list` (binary search: a node has a few deps, a plan 10^4 nodes). */
function sortedIndex(list: readonly string[], a: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < a) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
