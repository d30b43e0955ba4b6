import { planning } from '../../schemas/typed.js';
import type { Rule } from '../schedule/rule.js';
import { desiredNodes, type PlanContext } from './context.js';

/** The configuration's scheduling groups as rules, by id, with their host groups' hosts. */
export function schedulingRules(ctx: PlanContext): Map<string, Rule> {
  const hostGroups = new Map(
    desiredNodes(ctx, 'nssv_host_group').map((g) => {
      const a = planning('nssv_host_group', g.planned!);
      const hosts = (Array.isArray(a.host_ids) ? a.host_ids : []).filter(
        (h): h is string => typeof h === 'string',
      );
      return [String(a.id), { name: String(a.name), hosts: new Set(hosts) }];
    }),
  );
  const rules = new Map<string, Rule>();
  for (const g of desiredNodes(ctx, 'nssv_scheduling_group')) {
    const a = planning('nssv_scheduling_group', g.planned!);
    const hostGroup = typeof a.host_group_id === 'string' ? hostGroups.get(a.host_group_id) : undefined;
    rules.set(String(a.id), {
      name: String(a.name),
      policy: a.policy as Rule['policy'],
      mode: a.mode === 'mandatory' ? 'mandatory' : 'preferred',
      // An unknown or undeclared host group holds no host (validation reports the reference).
      hostGroup: hostGroup ?? { name: String(a.host_group_id), hosts: new Set() },
    });
  }
  return rules;
}
