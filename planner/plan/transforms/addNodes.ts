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
    for (const r of prior.resources) {
      const refreshed = live.get(r.address);
      const current = refreshed !== undefined ? refreshed : live.has(r.address) ? null : r.attributes;
      nodes.set(r.address, {
        address: r.address,
        type: r.type,
        deps: [],
        notes: [],
        prior: r,
        // State written before a schema gained an attribute has no value for it: its default applies.
        live:
          current && findResourceSchema(r.type) && lacksDefaults(r.type, current)
            ? applyDefaults(r.type, current)
            : current,
      });
    }
    if (ctx.mode !== 'destroy') {
      for (const d of desired) {
        const n = nodes.get(d.address);
        if (n) n.desired = d;
        else nodes.set(d.address, { address: d.address, type: d.type, deps: [], notes: [], desired: d });
      }
    }
    ctx.nodes = inAddressOrder(nodes);
  };
}

/**
 * The nodes in address order (the default sort: UTF-16 code units, as < does). A state keeps its
 * resources in that order, so when the configuration adds nothing they already are.
 */
function inAddressOrder(nodes: Map<string, PlanNode>): Map<string, PlanNode> {
  let previous: string | undefined;
  for (const address of nodes.keys()) {
    if (previous !== undefined && !(previous < address)) {
      const sorted = new Map<string, PlanNode>();
      for (const a of [...nodes.keys()].sort()) sorted.set(a, nodes.get(a)!);
      return sorted;
    }
    previous = address;
  }
  return nodes;
}
