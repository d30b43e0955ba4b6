import type { ApplyEvent, ApplyResult } from '../../engine/types.js';
import type { Plan } from '../../planner/plan/types.js';

const ING = { create: 'Creating...', update: 'Modifying...', delete: 'Destroying...' } as const;
const DONE = {
  create: 'Creation complete',
  update: 'Modifications complete',
  delete: 'Destruction complete',
} as const;
const UNDO = {
  create: 'destroying what was created',
  update: 'restoring the previous attributes',
  delete: 'recreating',
} as const;

/** Which step of a staged update it is (see PlanStep.stage). */
const STAGE = {
  reach: ' (step 1 of 2: onto the hosts it gains, before VMs move there)',
  leave: ' (step 2 of 2: off the hosts it leaves)',
} as const;

/** Terraform-style progress lines for apply events (to stderr). */
export function progressLine(e: ApplyEvent): string {
  const s = e.step;
  switch (e.kind) {
    case 'start':
      return `${s.address}: ${ING[s.kind]}${s.stage ? STAGE[s.stage.role] : ''}`;
    case 'done':
      return `${s.address}: ${DONE[s.kind]} after ${Math.round(e.elapsedMs / 100) / 10}s${e.id && s.kind !== 'delete' ? ` [id=${e.id}]` : ''}`;
    case 'failed':
      return `${s.address}: ${s.kind} failed: ${e.error.message}`;
    case 'undo-start':
      return `${s.address}: Rolling back (${UNDO[s.kind]})...`;
    case 'undo-done':
      return `${s.address}: Rolled back`;
    case 'undo-note':
      return `${s.address}: ${e.note}`;
    case 'undo-failed':
      return `${s.address}: Rollback failed, left for cleanup: ${e.error.message}`;
  }
}

/** What a finished apply did: steps completed and not undone, by kind. */
export function appliedCounts(
  plan: Plan,
  result: ApplyResult,
): { added: number; changed: number; destroyed: number } {
  const done = new Set(result.completed.map((s) => s.id));
  const undone = new Set(result.undone.map((s) => s.id));
  let added = 0;
  let changed = 0;
  let destroyed = 0;
  for (const s of plan.steps) {
    // A staged update is one change, counted by its last step.
    if (!done.has(s.id) || undone.has(s.id) || s.stage?.role === 'reach') continue;
    if (s.kind === 'create') added++;
    else if (s.kind === 'update') changed++;
    else destroyed++;
  }
  return { added, changed, destroyed };
}

export function applySummary(plan: Plan, result: ApplyResult, verb: 'Apply' | 'Destroy'): string {
  const { added, changed, destroyed } = appliedCounts(plan, result);
  if (verb === 'Destroy') return `Destroy complete! Resources: ${destroyed} destroyed.`;
  const imported = plan.imported?.length ? `${plan.imported.length} imported, ` : '';
  return `Apply complete! Resources: ${imported}${added} added, ${changed} changed, ${destroyed} destroyed.`;
}

/** What went wrong and what was undone, for a failed apply. */
export function failureReport(result: ApplyResult): string {
  const f = result.failed!;
  const lines = [`Error: ${f.step.address}: ${f.step.kind} failed: ${f.error.message}`, ''];
  if (result.undone.length > 0) {
    lines.push(
      `Rolled back ${result.undone.length} completed step${result.undone.length === 1 ? '' : 's'} in reverse order:`,
    );
    for (const s of result.undone) lines.push(`  - ${s.address} (${s.kind} undone)`);
  } else if (result.completed.length > 0) {
    lines.push(`Kept ${result.completed.length} completed step(s) (--on-failure=stop).`);
  } else {
    lines.push('Nothing had been changed.');
  }
  for (const u of result.undoFailures)
    lines.push(`  ! ${u.step.address}: undo failed, clean up by hand: ${u.error.message}`);
  return lines.join('\n') + '\n';
}
