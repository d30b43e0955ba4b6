import type { Plan } from '../../planner/plan/types.js';
import type { State } from '../../planner/state/types.js';
import type { HandlerContext } from '../../provider/handlers/types.js';
import type { StateStore } from '../../provider/state/store.js';
import type { ApplyJournal } from '../journal/applyJournal.js';
import { journaledRunner } from '../journal/journaledRunner.js';
import type { ApplyEvent, ApplyResult } from '../types.js';
import { applyPlan } from '../walk/applyPlan.js';
import { handlerFor } from '../../provider/handlers/registry.js';
import { handlerRunner } from './handlerRunner.js';

export interface ExecuteRequest {
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

/** Runs a plan's steps with the resource handlers against the agents, saving state as steps finish. */
export async function executePlan(req: ExecuteRequest): Promise<ApplyResult> {
  const base = handlerRunner(req.ctx, (step, note) => req.onEvent?.({ kind: 'undo-note', step, note }));
  const runner = req.journal ? journaledRunner(base, req.plan, req.journal) : base;
  let result: ApplyResult;
  try {
    result = await applyPlan(req.plan, req.state, runner, {
      parallelism: req.parallelism ?? 10,
      perHostParallelism: req.perHostParallelism ?? 4,
      onFailure: req.onFailure ?? 'rollback',
      onEvent: req.onEvent,
      save: (s) => req.store.write(s),
      ...(req.store.keepsChangeLog
        ? {
            append: (base, changes) => req.store.appendChanges(base, changes),
            canAppend: () => req.store.appendsChanges,
          }
        : {}),
    });
    if (result.ok) await commitDeletes(req, result);
  } finally {
    // The journal's file is let go of whatever happened; its entries stay until retain below.
    await req.journal?.close();
  }
  // What this apply created is now in state, or was undone. A create that failed may have happened
  // all the same (its agent died, or its answer was lost): its entry stays, for the next plan to look for.
  const completed = new Set(result.completed.map((s) => s.address));
  await req.journal?.retain(
    new Set(
      req.plan.steps.filter((s) => s.kind === 'create' && !completed.has(s.address)).map((s) => s.address),
    ),
  );
  return result;
}

/**
 * Deletes were kept undoable while the apply ran (volumes wait in the trash); now that it has
 * succeeded, handlers finish them. A failure there is reported, never turns success into failure.
 */
async function commitDeletes(req: ExecuteRequest, result: ApplyResult): Promise<void> {
  for (const step of result.completed) {
    if (step.kind !== 'delete') continue;
    const h = handlerFor(step.type);
    const before = req.plan.changes.find((c) => c.address === step.address)?.before;
    if (!h.commitDelete || !before) continue;
    try {
      await h.commitDelete(req.ctx, step.address, before);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      req.onEvent?.({ kind: 'undo-note', step, note: `could not purge it from the trash yet: ${why}` });
    }
  }
}
