import type { Diagnostic } from '../../../core/diagnostic.js';
import type { ApplyOutcome } from '../../../engine/usecases/applyFlow.js';
import type { Plan } from '../../../planner/plan/types.js';
import { planCounts } from '../../../planner/render/planText.js';
import { appliedCounts } from '../progress.js';
import type { JsonView } from './jsonView.js';

/** The JSON lines of `apply --json` / `destroy --json` around the step events. */
export const applyJsonLines = {
  /** What will change: a planned_change per instance that changes, then the plan's change_summary. */
  planned(view: JsonView, plan: Plan, warnings: readonly Diagnostic[]): void {
    for (const d of warnings) view.emit(view.ui.diagnostic(d));
    for (const c of plan.changes) if (c.action !== 'noop') view.emit(view.ui.plannedChange(c));
    const { add, change, destroy } = planCounts(plan);
    view.emit(view.ui.changeSummary({ add, change, remove: destroy }, 'plan'));
  },

  /** The closing change_summary, or after a failure what was rolled back; returns the exit code. */
  outcome(view: JsonView, outcome: ApplyOutcome, command: 'apply' | 'destroy'): number {
    const operation = command === 'destroy' ? 'destroy' : 'apply';
    if (outcome.kind !== 'applied') {
      view.emit(view.ui.changeSummary({ add: 0, change: 0, remove: 0 }, operation));
      return 0;
    }
    const { result } = outcome;
    if (result.ok) {
      const c = appliedCounts(outcome.plan, result);
      view.emit(view.ui.changeSummary({ add: c.added, change: c.changed, remove: c.destroyed }, operation));
      return 0;
    }
    const kept = result.completed.length - result.undone.length;
    view.emit(
      view.ui.diagnostic({
        severity: 'error',
        summary: `${command === 'destroy' ? 'Destroy' : 'Apply'} failed: ${result.failed!.step.address}`,
        detail:
          result.undone.length > 0
            ? `Rolled back ${result.undone.length} completed step(s) in reverse order.`
            : kept > 0
              ? `Kept ${kept} completed step(s) (--on-failure=stop).`
              : 'Nothing had been changed.',
        address: result.failed!.step.address,
      }),
    );
    return 1;
  },
};
