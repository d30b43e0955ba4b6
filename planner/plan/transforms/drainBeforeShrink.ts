import type { Attributes } from '../../../core/values.js';
import type { PlanContext } from '../context.js';
import type { PlanStep } from '../types.js';

const hostIds = (a: Attributes | null): string[] =>
  Array.isArray(a?.host_ids) ? a.host_ids.filter((h): h is string => typeof h === 'string') : [];

/**
 * Splits the update of a per-host object that gains hosts as it leaves others in two steps: the
 * first puts it on the hosts of both (the VMs moving to a host it gains need it there), the
 * existing one then takes it off the hosts it leaves. Returns the first.
 */
function stageUpdate(ctx: PlanContext, update: PlanStep, onBoth: string[]): PlanStep {
  const reach: PlanStep = {
    id: `${update.address}#reach`,
    address: update.address,
    type: update.type,
    kind: 'update',
    after: [...update.after],
    hosts: [...update.hosts],
    stage: { role: 'reach', hostIds: onBoth },
  };
  update.stage = { role: 'leave', hostIds: onBoth };
  update.after = [...update.after, reach.id].sort();
  ctx.steps.splice(ctx.steps.indexOf(update), 0, reach);
  return reach;
}

/**
 * A per-host object (a dir pool, a port group, an image…) that leaves a host — the host was
 * removed from the configuration — is removed from it only after the VMs migrating off that host
 * have gone, with the dir-pool volumes their migration copies: the pool still holds those files
 * and the running guest still uses the bridge until then. The move itself needs the object only
 * where the VM goes: when it is already there the move no longer waits for its update; when the
 * same update also puts it there (a host swapped for a new one), the update is done in two steps,
 * onto the new host before the move and off the old one after it. Runs after buildSteps.
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
    let reach: PlanStep | undefined;
    for (const m of migrations) {
      const { from, to } = m.migration!;
      if (!left.has(from)) continue;
      const there = before.includes(to);
      if (!there && !after.has(to)) continue; // the VM does not need the object where it goes
      if (!there) reach ??= stageUpdate(ctx, shrink, [...new Set([...before, ...after])].sort());
      const moving = [`${m.address}#update`, ...(movers.get(m.address) ?? [])]
        .map((id) => steps.get(id))
        .filter((s) => s !== undefined);
      for (const s of moving) {
        const waits = s.after.filter((id) => id !== shrink.id);
        s.after = there ? waits : [...new Set([...waits, reach!.id])].sort();
      }
      shrink.after = [...new Set([...shrink.after, ...moving.map((s) => s.id)])].sort();
    }
  }
}
