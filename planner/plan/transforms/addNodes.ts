import { applyDefaults } from '../../../schemas/attributes.js';
import { findResourceSchema } from '../../../schemas/registry.js';
import type { DesiredInstance } from '../../config/types.js';
import type { State } from '../../state/types.js';
import type { Attributes } from '../../../core/values.js';
import type { PlanContext, PlanNode } from '../context.js';
import { lacksDefaults } from '../lacksDefaults.js';

/** Creates one node per instance in configuration or state, in address order. */
export function addNodes(
  desired: readonly DesiredInstance[],
  prior: State,
  live: ReadonlyMap<string, Attributes | null>,
): (ctx: PlanContext) => void {
  return (ctx) => {
    const nodes = new Map<string, PlanNode>();
    if (ctx.mode !== 'destroy') {
      for (const d of desired) {
        const n = nodes.get(d.address);
        if (n) n.desired = d;
        else nodes.set(d.address, { address: d.address, type: d.type, deps: [], notes: [], desired: d });
      }
    }
    for (const r of prior.resources) {
      let n = nodes.get(r.address);
      if (!n) nodes.set(r.address, (n = { address: r.address, type: r.type, deps: [], notes: [] }));
      n.prior = r;
      const refreshed = live.get(r.address);
      const current = refreshed !== undefined ? refreshed : live.has(r.address) ? null : r.attributes;
      // State written before a schema gained an attribute has no value for it: its default applies.
      n.live =
        current && findResourceSchema(r.type) && lacksDefaults(r.type, current)
          ? applyDefaults(r.type, current)
          : current;
    }
    // The default sort orders strings by UTF-16 code units, as < does.
    const sorted = new Map<string, PlanNode>();
    for (const address of [...nodes.keys()].sort()) sorted.set(address, nodes.get(address)!);
    ctx.nodes = sorted;
  };
}
