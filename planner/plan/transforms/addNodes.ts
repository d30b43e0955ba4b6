import { applyDefaults } from '../../../schemas/attributes.js';
import { findResourceSchema } from '../../../schemas/registry.js';
import type { DesiredInstance } from '../../config/types.js';
import type { State } from '../../state/types.js';
import type { Attributes } from '../../../core/values.js';
import type { PlanContext, PlanNode } from '../context.js';

/** Creates one node per instance in configuration or state, in address order. */
export function addNodes(
  desired: readonly DesiredInstance[],
  prior: State,
  live: ReadonlyMap<string, Attributes | null>,
): (ctx: PlanContext) => void {
  return (ctx) => {
    const nodes = new Map<string, PlanNode>();
    const get = (address: string, type: string): PlanNode => {
      let n = nodes.get(address);
      if (!n) {
        n = { address, type, deps: [], notes: [] };
        nodes.set(address, n);
      }
      return n;
    };
    if (ctx.mode !== 'destroy') {
      for (const d of desired) get(d.address, d.type).desired = d;
    }
    for (const r of prior.resources) {
      const n = get(r.address, r.type);
      n.prior = r;
      const current = live.has(r.address) ? (live.get(r.address) ?? null) : r.attributes;
      // State written before a schema gained an attribute has no value for it: its default applies.
      n.live = current && findResourceSchema(r.type) ? applyDefaults(r.type, current) : current;
    }
    ctx.nodes = new Map([...nodes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  };
}
