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
    const deps = new Set<string>();
    for (const ref of n.desired.dependsOn) {
      if (ctx.nodes.get(ref)?.desired || resources.has(ref)) deps.add(ref);
    }
    deps.delete(n.address);
    // An instance's resource address starts its own address: only then is it worth working out.
    for (const d of deps) {
      if (n.address.startsWith(d) && d === resourceOf(n.address)) deps.delete(d);
    }
    n.deps = [...deps].sort();
  }
}
