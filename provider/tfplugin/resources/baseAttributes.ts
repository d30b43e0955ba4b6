import { plannedAttributes } from '../../../planner/plan/transforms/plannedAttributes.js';
import type { PlanContext, PlanNode } from '../../../planner/plan/context.js';
import type { DesiredInstance } from '../../../planner/config/types.js';
import type { Attributes } from '../../../core/values.js';
import { label } from './label.js';

export function desiredInstance(type: string, config: Attributes): DesiredInstance {
  const address = label(type, config);
  const range = { file: '', line: 0, column: 0 };
  return {
    address,
    resourceAddress: address,
    type,
    attributes: config,
    dependsOn: [],
    lifecycle: {
      createBeforeDestroy: false,
      preventDestroy: false,
      ignoreChanges: [],
      replaceTriggeredBy: [],
    },
    range,
    attributeRanges: {},
    sensitivePaths: [],
  };
}

/** The native planner's own pass: config + schema defaults + id; unset computed values kept from prior or unknown. */
export function baseAttributes(type: string, prior: Attributes | null, config: Attributes): Attributes {
  const node: PlanNode = {
    address: label(type, config),
    type,
    desired: desiredInstance(type, config),
    live: prior,
    deps: [],
    notes: [],
  };
  const ctx: PlanContext = {
    mode: 'normal',
    nodes: new Map([[node.address, node]]),
    hostFacts: new Map(),
    lostHosts: new Set(),
    diagnostics: [],
    changes: [],
    steps: [],
    barriers: {},
  };
  plannedAttributes(ctx);
  return node.planned!;
}
