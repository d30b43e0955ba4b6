import { applyPlan } from '../../planner/apply/applyPlan.js';
import type { ApplyEvent, ApplyResult } from '../../planner/apply/types.js';
import type { Plan } from '../../planner/plan/types.js';
import type { State } from '../../planner/state/types.js';
import { handlerRunner } from '../apply/handlerRunner.js';
import type { HandlerContext } from '../handlers/types.js';
import type { LocalStateStore } from '../state/localState.js';

export interface ApplyRequest {
  plan: Plan;
  state: State;
  store: LocalStateStore;
  ctx: HandlerContext;
  parallelism?: number;
  perHostParallelism?: number;
  onFailure?: 'rollback' | 'stop';
  onEvent?: (e: ApplyEvent) => void;
}

/** Runs a plan against the agents, saving state after every step. */
export function applyOperation(req: ApplyRequest): Promise<ApplyResult> {
  return applyPlan(req.plan, req.state, handlerRunner(req.ctx), {
    parallelism: req.parallelism ?? 10,
    perHostParallelism: req.perHostParallelism ?? 4,
    onFailure: req.onFailure ?? 'rollback',
    onEvent: req.onEvent,
    save: (s) => req.store.write(s),
  });
}
