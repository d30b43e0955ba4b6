import type { PlanContext } from '../context.js';

/** Turns configuration references (resource or instance addresses) into instance addresses. */
export function resolveDependencies(ctx: PlanContext): void {
  const byResource = new Map<string, string[]>();
  for (const n of ctx.nodes.values()) {
    if (!n.desired) continue;
    const list = byResource.get(n.desired.resourceAddress) ?? [];
    list.push(n.address);
    byResource.set(n.desired.resourceAddress, list);
  }
  for (const n of ctx.nodes.values()) {
    if (!n.desired) continue;
    const deps = new Set<string>();
    for (const ref of n.desired.dependsOn) {
      if (ctx.nodes.get(ref)?.desired) deps.add(ref);
      else for (const a of byResource.get(ref) ?? []) deps.add(a);
    }
    deps.delete(n.address);
    n.deps = [...deps].sort();
  }
}
