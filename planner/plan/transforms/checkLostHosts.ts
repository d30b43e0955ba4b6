import type { Attributes } from '../../../core/values.js';
import type { PlanContext } from '../context.js';
import { planErrors } from '../errors.js';

const VERB = {
  create: 'created',
  update: 'updated',
  replace: 'replaced',
  delete: 'deleted',
  migrate: 'migrated',
} as const;

const hostsOf = (a: Attributes | null): string[] =>
  a === null
    ? []
    : [a.host_id, ...(Array.isArray(a.host_ids) ? a.host_ids : [])].filter(
        (h): h is string => typeof h === 'string',
      );

const hostIdsOf = (a: Attributes | null): string[] =>
  a !== null && Array.isArray(a.host_ids) ? a.host_ids.filter((h): h is string => typeof h === 'string') : [];

/**
 * Nothing can change on a host taken as failed (it does not answer): any change that needs it is
 * a plan error — except an HA restart off it, which only needs the host the VM moves to.
 */
export function checkLostHosts(ctx: PlanContext): void {
  if (ctx.lostHosts.size === 0) return;
  for (const c of ctx.changes) {
    if (c.action === 'noop') continue;
    const needs =
      c.migration?.mode === 'restart'
        ? [c.migration.to]
        : c.action === 'update'
          ? // An update is made by the agent of its new host (an rbd volume following its VM off the
            // lost host needs only that one); hosts a per-host object leaves still need their agent.
            [...hostsOf(c.after), ...hostIdsOf(c.before), ...(c.type === 'nssv_host' ? hostsNamed(c) : [])]
          : [...hostsOf(c.before), ...hostsOf(c.after), ...(c.type === 'nssv_host' ? hostsNamed(c) : [])];
    const lost = needs.find((h) => ctx.lostHosts.has(h));
    if (lost !== undefined) ctx.diagnostics.push(planErrors.lostHostChange(c.address, lost, VERB[c.action]));
  }
}

/** An nssv_host change is a call to the host's own agent. */
function hostsNamed(c: { before: Attributes | null; after: Attributes | null }): string[] {
  return [c.before?.name, c.after?.name].filter((h): h is string => typeof h === 'string');
}
