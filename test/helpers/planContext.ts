import type { DesiredInstance } from '../../planner/config/types.js';
import type { PlanContext, PlanTransform } from '../../planner/plan/context.js';
import type { HostFacts } from '../../planner/plan/hostFacts.js';
import { addNodes } from '../../planner/plan/transforms/addNodes.js';
import { emptyState, type State, type StateResource } from '../../planner/state/types.js';
import type { Attributes } from '../../core/values.js';
import { facts } from './desired.js';

export interface ContextInput {
  mode?: PlanContext['mode'];
  desired?: readonly DesiredInstance[];
  prior?: State;
  live?: ReadonlyMap<string, Attributes | null>;
  hostFacts?: ReadonlyMap<string, HostFacts>;
  lostHosts?: ReadonlySet<string>;
}

/** A plan context with its nodes added (addNodes), then `transforms` run in order: a plan made by hand up to the transform under test. */
export function planContext(input: ContextInput, ...transforms: PlanTransform[]): PlanContext {
  const ctx: PlanContext = {
    mode: input.mode ?? 'normal',
    nodes: new Map(),
    hostFacts: input.hostFacts ?? facts,
    lostHosts: input.lostHosts ?? new Set(),
    diagnostics: [],
    changes: [],
    steps: [],
    barriers: {},
  };
  addNodes(input.desired ?? [], input.prior ?? emptyState('L'), input.live ?? new Map())(ctx);
  for (const t of transforms) t(ctx);
  return ctx;
}

/** A state holding `resources` (serial 1). */
export function stateOf(resources: StateResource[]): State {
  return { ...emptyState('L'), serial: 1, resources };
}

/** A state resource as an earlier apply recorded it. */
export function recorded(
  address: string,
  attributes: Attributes,
  dependencies: string[] = [],
): StateResource {
  return { address, type: address.split('.')[0]!, attributes, dependencies, sensitivePaths: [] };
}
