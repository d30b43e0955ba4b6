import type { Attributes } from '../../core/values.js';
import type { ResourceChange } from '../resourceChange.js';
import type { PlanStep } from './types.js';

/**
 * What an update step converges an instance from and to: the change's before and after, or, for
 * one stage of a staged update (PlanStep.stage), the attributes between them (after's, on the
 * hosts of both).
 */
export function stepAttributes(
  step: Pick<PlanStep, 'stage'>,
  change: Pick<ResourceChange, 'before' | 'after'>,
): { before: Attributes; after: Attributes } {
  const before = change.before!;
  const after = change.after!;
  if (!step.stage) return { before, after };
  const between = { ...after, host_ids: step.stage.hostIds };
  return step.stage.role === 'reach' ? { before, after: between } : { before: between, after };
}
