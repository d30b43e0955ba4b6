import type { ApplyOutcome } from '../../engine/usecases/applyFlow.js';
import { applySummary, failureReport } from './progress.js';

/** Prints what an apply or destroy did (data to stdout, the failure report to stderr); returns the exit code. */
export function printApplyOutcome(
  outcome: ApplyOutcome,
  command: 'apply' | 'destroy',
  json: boolean,
): number {
  switch (outcome.kind) {
    case 'no-changes':
      if (json) process.stdout.write(JSON.stringify({ applied: true, steps: 0 }) + '\n');
      return 0;
    case 'refreshed':
      process.stdout.write(
        json
          ? JSON.stringify({ applied: true, refreshOnly: true }) + '\n'
          : '\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n',
      );
      return 0;
    case 'applied': {
      const { result } = outcome;
      if (json) {
        process.stdout.write(
          JSON.stringify({
            applied: result.ok,
            completed: result.completed.map((s) => s.id),
            failed: result.failed
              ? { step: result.failed.step.id, error: result.failed.error.message }
              : null,
            undone: result.undone.map((s) => s.id),
            undoFailures: result.undoFailures.map((u) => ({ step: u.step.id, error: u.error.message })),
          }) + '\n',
        );
      }
      if (!result.ok) {
        process.stderr.write('\n' + failureReport(result));
        return 1;
      }
      if (!json) {
        const verb = command === 'destroy' ? 'Destroy' : 'Apply';
        process.stdout.write('\n' + applySummary(outcome.plan, result, verb) + '\n');
      }
      return 0;
    }
  }
}
