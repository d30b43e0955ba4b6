import type { ApplyOutcome } from '../../engine/usecases/applyFlow.js';
import { applySummary, failureReport } from './progress.js';

/**
 * Prints what an apply or destroy did (the summary to stdout, the failure report to stderr);
 * returns the exit code. `--json` prints its own closing lines (progress/applyJson.ts).
 */
export function printApplyOutcome(outcome: ApplyOutcome, command: 'apply' | 'destroy'): number {
  switch (outcome.kind) {
    case 'no-changes':
      return 0;
    case 'refreshed':
      process.stdout.write('\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n');
      return 0;
    case 'applied': {
      const { result } = outcome;
      if (!result.ok) {
        process.stderr.write('\n' + failureReport(result));
        return 1;
      }
      const verb = command === 'destroy' ? 'Destroy' : 'Apply';
      process.stdout.write('\n' + applySummary(outcome.plan, result, verb) + '\n');
      return 0;
    }
  }
}
