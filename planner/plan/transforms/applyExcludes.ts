import { resourceOf } from '../addresses.js';
import type { PlanContext } from '../context.js';

/**
 * -exclude ADDRESS (as in OpenTofu): the named instances (a resource address names all its
 * instances) and everything that depends on them are left as they are; the rest is planned.
 */
export function applyExcludes(excludes: readonly string[]): (ctx: PlanContext) => void {
  return (ctx) => {
    if (excludes.length === 0) return;
    const excluded = new Set<string>();
    for (const e of excludes) {
      const hits = [...ctx.nodes.keys()].filter((a) => a === e || resourceOf(a) === e);
      if (hits.length === 0) {
        ctx.diagnostics.push({
          severity: 'error',
          code: 'NSSV_EXCLUDE_UNKNOWN',
          summary: `-exclude ${e} matches no resource in the configuration or the state`,
          detail:
            'Give a resource address (nssv_vm.web) or an instance address (nssv_vm.web[0], nssv_vm.db["a"]) that exists.',
        });
      }
      for (const h of hits) excluded.add(h);
    }
    // everything that depends on an excluded instance, directly or not (configured or recorded)
    let grew = true;
    while (grew) {
      grew = false;
      for (const n of ctx.nodes.values()) {
        if (excluded.has(n.address)) continue;
        const deps = [...n.deps, ...(n.prior?.dependencies ?? [])];
        if (deps.some((d) => excluded.has(d) || [...excluded].some((x) => resourceOf(x) === d))) {
          excluded.add(n.address);
          grew = true;
        }
      }
    }
    ctx.changes = ctx.changes
      .filter((c) => !excluded.has(c.address) || c.before !== null)
      .map((c) =>
        excluded.has(c.address)
          ? { ...c, action: 'noop', after: c.before, requiredReplace: [], reason: 'excluded' }
          : c,
      );
    ctx.diagnostics.push({
      severity: 'warning',
      code: 'NSSV_EXCLUDING',
      summary: 'Resource exclusion is in effect',
      detail: `${[...excludes].join(', ')} and what depends on them are not planned; the plan may not show every change the configuration needs. Use -exclude for exceptional cases, then run a full plan.`,
    });
  };
}
