import type { Plan } from '../plan/types.js';
import type { ResourceChange } from '../resourceChange.js';
import type { Attributes, AttrValue } from '../../core/values.js';

const MASK = '(sensitive value)';

function mask(attrs: Attributes | null, paths: readonly string[]): Attributes | null {
  if (!attrs) return attrs;
  const out: Attributes = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = paths.includes(k) ? (MASK as AttrValue) : v;
  return out;
}

/** The plan for machines (--json): same content as the text, sensitive values masked. */
export function planJson(plan: Plan): unknown {
  const importedFrom = new Map((plan.imported ?? []).map((i) => [i.address, i.id]));
  const changes = plan.changes.map((c: ResourceChange) => ({
    address: c.address,
    type: c.type,
    action: c.action,
    before: mask(c.before, c.sensitivePaths),
    after: mask(c.after, c.sensitivePaths),
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.migration ? { migration: c.migration } : {}),
    ...(c.disruption ? { disruption: c.disruption } : {}),
    requiredReplace: c.requiredReplace,
    ...(importedFrom.has(c.address) ? { importing: { id: importedFrom.get(c.address)! } } : {}),
  }));
  const count = (a: string): number => plan.changes.filter((c) => c.action === a).length;
  return {
    formatVersion: plan.formatVersion,
    mode: plan.mode,
    summary: {
      ...(plan.imported?.length ? { import: plan.imported.length } : {}),
      add: count('create') + count('replace'),
      change: count('update') + count('migrate'),
      destroy: count('delete') + count('replace'),
      ...(plan.forgotten?.length ? { forget: plan.forgotten.length } : {}),
    },
    changes,
    ...(plan.moved?.length ? { moved: plan.moved } : {}),
    ...(plan.forgotten?.length ? { forgotten: plan.forgotten.map((f) => f.address) } : {}),
    ...(plan.staleCopies?.length ? { staleCopies: plan.staleCopies } : {}),
    steps: plan.steps,
  };
}
