import { applyPlan } from '../../planner/apply/applyPlan.js';
import type { ApplyEvent, ApplyResult, StepRunner } from '../../planner/apply/types.js';
import type { Plan } from '../../planner/plan/types.js';
import type { State } from '../../planner/state/types.js';
import { handlerRunner } from '../apply/handlerRunner.js';
import type { HandlerContext } from '../handlers/types.js';
import type { ApplyJournal } from '../state/journal.js';
import type { StateStore } from '../state/store.js';

export interface ApplyRequest {
  plan: Plan;
  state: State;
  store: StateStore;
  ctx: HandlerContext;
  parallelism?: number;
  perHostParallelism?: number;
  onFailure?: 'rollback' | 'stop';
  onEvent?: (e: ApplyEvent) => void;
  /** Records each create before it runs (see ApplyJournal); cleared when the apply ends. */
  journal?: ApplyJournal;
}

function journaled(runner: StepRunner, plan: Plan, journal: ApplyJournal): StepRunner {
  return {
    async run(step, change) {
      if (step.kind === 'create') {
        await journal.started({
          address: change.address,
          type: change.type,
          attributes: change.after!,
          dependencies: plan.dependencies[change.address] ?? [],
          sensitivePaths: change.sensitivePaths,
        });
      }
      return runner.run(step, change);
    },
    undo: (step, change, before, after) => runner.undo(step, change, before, after),
  };
}

/** Runs a plan against the agents, saving state as steps finish. */
export async function applyOperation(req: ApplyRequest): Promise<ApplyResult> {
  const base = handlerRunner(req.ctx);
  const runner = req.journal ? journaled(base, req.plan, req.journal) : base;
  const result = await applyPlan(req.plan, req.state, runner, {
    parallelism: req.parallelism ?? 10,
    perHostParallelism: req.perHostParallelism ?? 4,
    onFailure: req.onFailure ?? 'rollback',
    onEvent: req.onEvent,
    save: (s) => req.store.write(s),
  });
  // Everything this apply created is now in state, or was undone: nothing left to recover.
  await req.journal?.clear();
  return result;
}
