import type { Attributes } from '../../../core/values.js';
import type { PlanContext } from '../context.js';

const hostIds = (a: Attributes | null): string[] =>
  Array.isArray(a?.host_ids) ? a.host_ids.filter((h): h is string => typeof h === 'string') : [];

/**
 * A per-host object (a dir pool, a port group, an image…) that leaves a host — the host was
 * removed from the configuration — is removed from it only after the VMs migrating off that host
 * have gone, with the dir-pool volumes their migration copies: the pool still holds those files
 * and the running guest still uses the bridge until then. The move itself needs the object only
 * where the VM goes, so when the object is already there the move no longer waits for its update.
 * Runs after buildSteps.
 */
export function drainBeforeShrink(ctx: PlanContext): void {
  const migrations = ctx.changes.filter((c) => c.action === 'migrate' && c.migration);
  if (migrations.length === 0) return;
  const steps = new Map(ctx.steps.map((s) => [s.id, s]));
  const movers = new Map<string, string[]>();
  for (const n of ctx.nodes.values()) {
    if (n.movesWith === undefined) continue;
    movers.set(n.movesWith, [...(movers.get(n.movesWith) ?? []), `${n.address}#update`]);
  }
  for (const c of ctx.changes) {
    if (c.action !== 'update') continue;
    const before = hostIds(c.before);
    const after = new Set(hostIds(c.after));
    const left = new Set(before.filter((h) => !after.has(h)));
    const shrink = steps.get(`${c.address}#update`);
    if (left.size === 0 || !shrink) continue;
    for (const m of migrations) {
      const { from, to } = m.migration!;
      if (!left.has(from) || !before.includes(to)) continue;
      const moving = [`${m.address}#update`, ...(movers.get(m.address) ?? [])]
        .map((id) => steps.get(id))
        .filter((s) => s !== undefined);
      for (const s of moving) s.after = s.after.filter((id) => id !== shrink.id);
      shrink.after = [...new Set([...shrink.after, ...moving.map((s) => s.id)])].sort();
    }
  }
}
