import { applyDefaults } from '../../schemas/attributes.js';
import { findResourceSchema } from '../../schemas/registry.js';
import type { ResourceChange } from '../resourceChange.js';
import type { State } from '../state/types.js';
import type { Attributes } from '../../core/values.js';
import type { Plan } from './types.js';

/**
 * -refresh-only: what changed on the hosts since the last apply, as changes to the state only.
 * Nothing runs on a host (no steps); applying it records the live attributes.
 */
export function makeRefreshPlan(prior: State, live: ReadonlyMap<string, Attributes | null>): Plan {
  const changes: ResourceChange[] = prior.resources.map((r) => {
    const base = { address: r.address, type: r.type, requiredReplace: [], sensitivePaths: r.sensitivePaths };
    const now = live.has(r.address) ? live.get(r.address)! : r.attributes;
    if (now === null)
      return { ...base, action: 'delete', before: r.attributes, after: null, reason: 'deleted outside nssv' };
    const current = findResourceSchema(r.type) ? applyDefaults(r.type, now) : now;
    const same = JSON.stringify(current) === JSON.stringify(r.attributes);
    return same
      ? { ...base, action: 'noop', before: r.attributes, after: r.attributes }
      : { ...base, action: 'update', before: r.attributes, after: current, reason: 'changed outside nssv' };
  });
  const dependencies: Record<string, string[]> = {};
  for (const r of prior.resources) dependencies[r.address] = r.dependencies;
  return {
    formatVersion: 1,
    mode: 'refresh-only',
    changes,
    dependencies,
    steps: [],
    barriers: {},
    prior: { lineage: prior.lineage, serial: prior.serial },
    diagnostics: [],
  };
}

/** The state a refresh-only plan leaves: live attributes recorded, vanished instances dropped. */
export function refreshedState(prior: State, plan: Plan): State {
  const byAddress = new Map(plan.changes.map((c) => [c.address, c]));
  return {
    ...prior,
    resources: prior.resources.flatMap((r) => {
      const c = byAddress.get(r.address);
      if (!c || c.action === 'noop') return [r];
      return c.after ? [{ ...r, attributes: c.after }] : [];
    }),
  };
}
