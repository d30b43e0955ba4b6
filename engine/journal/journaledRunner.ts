import type { Plan } from '../../planner/plan/types.js';
import type { StepRunner } from '../types.js';
import type { ApplyJournal } from './applyJournal.js';

/** A runner that records each create in the journal before it runs (see ApplyJournal). */
export function journaledRunner(runner: StepRunner, plan: Plan, journal: ApplyJournal): StepRunner {
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
