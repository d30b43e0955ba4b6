import { resourceOf } from '../addresses.js';
import type { PlanContext } from '../context.js';

/**
 * -target ADDRESS: only the named instances (a resource address names all its instances) and
 * what they depend on are planned; everything else is left as it is, with a warning, as in
 * Terraform.
 */
export function applyTargets(targets: readonly string[]): (ctx: PlanContext) => void {
  return (ctx) => {
    if (targets.length === 0) return;
    const wanted = new Set<string>();
    const byResource = new Map<string, string[]>();
    for (const n of ctx.nodes.values()) {
      const list = byResource.get(resourceOf(n.address)) ?? [];
      list.push(n.address);
      byResource.set(resourceOf(n.address), list);
    }
    const visit = (address: string): void => {
      for (const a of ctx.nodes.has(address) ? [address] : (byResource.get(address) ?? [])) {
        if (wanted.has(a)) continue;
        wanted.add(a);
        const n = ctx.nodes.get(a)!;
        for (const dep of n.planned ? n.deps : []) visit(dep);
      }
    };
    for (const t of targets) {
      const before = wanted.size;
      visit(t);
      if (wanted.size === before && !wanted.has(t)) {
        ctx.diagnostics.push({
          severity: 'error',
          code: 'NSSV_TARGET_UNKNOWN',
          summary: `-target ${t} matches no resource in the configuration or the state`,
          detail:
            'Give a resource address (nssv_vm.web) or an instance address (nssv_vm.web[0], nssv_vm.db["a"]) that exists.',
        });
      }
    }
    ctx.changes = ctx.changes
      .filter((c) => wanted.has(c.address) || c.before !== null)
      .map((c) =>
        wanted.has(c.address)
          ? c
          : { ...c, action: 'noop', after: c.before, requiredReplace: [], reason: 'not targeted' },
      );
    ctx.diagnostics.push({
      severity: 'warning',
      code: 'NSSV_TARGETING',
      summary: 'Resource targeting is in effect',
      detail: `Only ${targets.join(', ')} and what they depend on are planned; the plan may not show every change the configuration needs. Use -target for exceptional cases, then run a full plan.`,
    });
  };
}
