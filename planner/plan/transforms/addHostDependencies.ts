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
    const added: string[] = [];
    const add = (a: string | undefined): void => {
      if (a !== undefined && a !== n.address) added.push(a);
    };
    add(addressOf(host));
    if (Array.isArray(hosts)) for (let i = 0; i < hosts.length; i++) add(addressOf(hosts[i]));
    if (added.length > 0) n.deps = withSorted(n.deps, added);
  }
}

/**
 * The sorted `deps` with `added` among them, each address once: a new array when anything is
 * added, never an insert in place (n.deps may be shared with the instance it came from). One
 * merge, not an insert per address: a switch on 1,000 hosts would otherwise copy its growing
 * list 1,000 times.
 */
function withSorted(deps: string[], added: string[]): string[] {
  added.sort();
  const out: string[] = [];
  let fresh = false;
  let i = 0;
  for (let j = 0; j < added.length; j++) {
    const a = added[j]!;
    while (i < deps.length && deps[i]! < a) out.push(deps[i++]!);
    if (i < deps.length && deps[i] === a) continue;
    if (out[out.length - 1] === a) continue;
    out.push(a);
    fresh = true;
  }
  if (!fresh) return deps;
  while (i < deps.length) out.push(deps[i++]!);
  return out;
}
