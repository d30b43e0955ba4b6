import type { Diagnostic } from '../../core/diagnostic.js';
import type { EvalContext } from '../eval/context.js';
import { ConversionError, convert } from '../eval/convert.js';
import { BOOL } from '../eval/types.js';
import { UNKNOWN } from '../eval/value.js';
import { configErrors as E } from './errors.js';
import type { ConditionDecl } from './model.js';
import type { ModuleScope } from './module-scope.js';

/**
 * The preconditions of a resource instance or an output, checked when nssv plans: a false
 * condition is an error carrying its error_message. A condition that cannot be decided before
 * apply is an error too: nssv does not check conditions after apply, and a check it skipped
 * silently would be one the user believes in. They are not checked again when the configuration
 * is evaluated against what an apply recorded (outputs after apply, the console): the plan did.
 */
export function checkPreconditions(
  scope: ModuleScope,
  conditions: readonly ConditionDecl[] | undefined,
  ctx: EvalContext,
  /** The instance's address, or output.NAME (module.M.output.NAME). */
  subject: string,
  /** A resource instance's address (for its diagnostics). */
  address?: string,
): void {
  if (!conditions?.length || scope.shared.known) return;
  const diags = scope.shared.diags;
  const report = (d: Diagnostic): void => {
    diags.push(address ? { ...d, address } : d);
  };
  for (const c of conditions) {
    const before = diags.length;
    const v = scope.evalReported(c.condition, ctx, address, 'precondition');
    if (diags.length > before) continue; // the evaluation error says why
    if (v.v === UNKNOWN) {
      report(E.conditionUnknown(c.condition.range, subject));
      continue;
    }
    let ok: boolean | undefined;
    try {
      const b = convert(v, BOOL).v;
      ok = typeof b === 'boolean' ? b : undefined;
    } catch (err) {
      if (!(err instanceof ConversionError)) throw err;
    }
    if (ok === undefined) {
      report(
        E.invalidReference(
          c.condition.range,
          'Invalid precondition condition',
          'The condition must be true or false (not null, not another type).',
        ),
      );
      continue;
    }
    if (ok) continue;
    const m = scope.evalReported(c.errorMessage, ctx, address, 'precondition');
    const message =
      typeof m.v === 'string' ? (m.sens ? '(sensitive error message)' : m.v) : 'The condition is false.';
    report(E.conditionFailed(c.condition.range, subject, message));
  }
}
