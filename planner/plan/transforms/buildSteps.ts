import type { Attributes } from '../../values.js';
import type { PlanContext } from '../context.js';
import type { PlanStep, StepKind } from '../types.js';

function hostsOf(a: Attributes | null | undefined): string[] {
  if (!a) return [];
  const hs = [a.host_id, ...(Array.isArray(a.host_ids) ? a.host_ids : [])].filter(
    (h): h is string => typeof h === 'string',
  );
  return [...new Set(hs)].sort();
}

/**
 * Orders the work as a DAG (Terraform's rules):
 * - creates and updates wait for the creates/updates of what they depend on;
 * - a delete waits for the deletes of everything that depended on it, and for the updates that
 *   stop referring to it;
 * - a replacement deletes first, then creates (create_before_destroy flips that).
 */
export function buildSteps(ctx: PlanContext): void {
  const steps = new Map<string, PlanStep>();
  const add = (address: string, type: string, kind: StepKind, hosts: string[]): PlanStep => {
    const step: PlanStep = { id: `${address}#${kind}`, address, type, kind, after: [], hosts };
    steps.set(step.id, step);
    return step;
  };
  const upsert = new Map<string, PlanStep>();
  const del = new Map<string, PlanStep>();
  for (const c of ctx.changes) {
    if (c.action === 'noop') continue;
    if (c.action === 'delete' || c.action === 'replace')
      del.set(c.address, add(c.address, c.type, 'delete', hostsOf(c.before)));
    if (c.action === 'create' || c.action === 'replace')
      upsert.set(c.address, add(c.address, c.type, 'create', hostsOf(c.after)));
    if (c.action === 'update') upsert.set(c.address, add(c.address, c.type, 'update', hostsOf(c.after)));
  }
  for (const [address, step] of upsert) {
    for (const dep of ctx.nodes.get(address)!.deps) {
      const d = upsert.get(dep);
      if (d) step.after.push(d.id);
    }
    const own = del.get(address);
    if (own) {
      const cbd = ctx.nodes.get(address)!.desired?.lifecycle.createBeforeDestroy ?? false;
      if (cbd) own.after.push(step.id);
      else step.after.push(own.id);
    }
  }
  for (const n of ctx.nodes.values()) {
    for (const dep of n.prior?.dependencies ?? []) {
      const d = del.get(dep);
      if (!d) continue;
      const dependentDelete = del.get(n.address);
      const dependentUpsert = upsert.get(n.address);
      if (dependentDelete) d.after.push(dependentDelete.id);
      // An update that drops the reference must run before the referenced instance goes away.
      const stillDepends = n.deps.includes(dep);
      if (dependentUpsert?.kind === 'update' && !stillDepends) d.after.push(dependentUpsert.id);
    }
  }
  for (const s of steps.values()) s.after = [...new Set(s.after)].sort();
  ctx.steps = [...steps.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
