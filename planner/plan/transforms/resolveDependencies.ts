import { resourceOf } from '../addresses.js';
import type { PlanContext } from '../context.js';

/**
 * Normalises configuration references: an instance address stays as it is when that instance
 * exists; a resource address (`nssv_volume.root`, meaning every instance) stays a resource
 * address when the resource has instances, so the step graph can wait on it through one barrier
 * instead of one edge per instance (10,000 VMs × 10,000 volumes would be 10^8 edges).
 */
export function resolveDependencies(ctx: PlanContext): void {
  const resources = new Set<string>();
  for (const n of ctx.nodes.values()) if (n.desired) resources.add(n.desired.resourceAddress);
  for (const n of ctx.nodes.values()) {
    if (!n.desired) continue;
    // A few references per instance, for 10^4 instances: a plain array, sorted once.
    const deps: string[] = [];
    for (const ref of n.desired.dependsOn) {
      if (ref === n.address || deps.includes(ref)) continue;
      if (!(ctx.nodes.get(ref)?.desired || resources.has(ref))) continue;
      // An instance's resource address starts its own address: only then is it worth working out.
      if (n.address.startsWith(ref) && ref === resourceOf(n.address)) continue;
      deps.push(ref);
    }
    n.deps = inOrder(deps) ? deps : deps.sort();
  }
}

/** Whether the references are sorted already (as written, usually): sort() copies them each time. */
function inOrder(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return false;
  return true;
}
