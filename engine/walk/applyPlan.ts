import type { Plan, PlanStep } from '../../planner/plan/types.js';
import type { ResourceChange } from '../../planner/resourceChange.js';
import type { State } from '../../planner/state/types.js';
import type { Attributes } from '../../core/values.js';
import { Readiness } from './readiness.js';
import { StateWriter } from '../state/stateWriter.js';
import { instanceChange } from '../state/stateUpdate.js';
import type { ApplyOptions, ApplyResult, StepFailure, StepRunner } from '../types.js';

interface Done {
  step: PlanStep;
  before: Attributes | null;
  after: Attributes | null;
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Walks the plan's step DAG in parallel (global and per-host limits), saving state after each
 * step. On a failure it lets running steps finish, then (by default) undoes every completed
 * step in reverse completion order, saving state after each undo.
 */
export async function applyPlan(
  plan: Plan,
  prior: State,
  runner: StepRunner,
  opts: ApplyOptions,
): Promise<ApplyResult> {
  const changes = new Map<string, ResourceChange>(plan.changes.map((c) => [c.address, c]));
  const priorDeps = new Map(prior.resources.map((r) => [r.address, r.dependencies]));
  const deps = (address: string): string[] => plan.dependencies[address] ?? priorDeps.get(address) ?? [];
  const writer = new StateWriter(prior, opts);
  const current = (address: string): Attributes | null => writer.get(address)?.attributes ?? null;

  const readiness = new Readiness(plan.steps, plan.barriers);
  const completed: Done[] = [];
  const running = new Map<string, Promise<void>>();
  const hostLoad = new Map<string, number>();
  let failure: StepFailure | undefined;

  const hostsFree = (s: PlanStep): boolean =>
    s.hosts.every((h) => (hostLoad.get(h) ?? 0) < opts.perHostParallelism);

  const start = (s: PlanStep): void => {
    readiness.take(s.id);
    for (const h of s.hosts) hostLoad.set(h, (hostLoad.get(h) ?? 0) + 1);
    opts.onEvent?.({ kind: 'start', step: s });
    const t0 = Date.now();
    const change = changes.get(s.address)!;
    const before = current(s.address);
    const p = (async () => {
      try {
        const after = await runner.run(s, change);
        completed.push({ step: s, before, after });
        await writer.update(instanceChange(change, after, deps(s.address)));
        readiness.finish(s.id);
        const id = after && typeof after.id === 'string' ? after.id : undefined;
        opts.onEvent?.({ kind: 'done', step: s, elapsedMs: Date.now() - t0, ...(id ? { id } : {}) });
      } catch (e) {
        const error = asError(e);
        failure ??= { step: s, error };
        opts.onEvent?.({ kind: 'failed', step: s, error });
      } finally {
        for (const h of s.hosts) hostLoad.set(h, (hostLoad.get(h) ?? 1) - 1);
        running.delete(s.id);
      }
    })();
    running.set(s.id, p);
  };

  for (;;) {
    if (!failure) {
      for (const s of readiness.inOrder()) {
        if (running.size >= opts.parallelism) break;
        if (hostsFree(s)) start(s);
      }
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  await writer.idle();
  const stuck = failure ? [] : readiness.stuck();
  if (stuck.length > 0) {
    throw new Error(`bug: ${stuck.length} steps could never start (dependency cycle): ${stuck.join(', ')}`);
  }

  const undone: PlanStep[] = [];
  const undoFailures: StepFailure[] = [];
  if (failure && opts.onFailure === 'rollback') {
    for (const d of [...completed].reverse()) {
      const change = changes.get(d.step.address)!;
      opts.onEvent?.({ kind: 'undo-start', step: d.step });
      try {
        const restored = await runner.undo(d.step, change, d.before, d.after);
        await writer.update(instanceChange(change, restored, deps(d.step.address)));
        undone.push(d.step);
        opts.onEvent?.({ kind: 'undo-done', step: d.step });
      } catch (e) {
        const error = asError(e);
        undoFailures.push({ step: d.step, error });
        opts.onEvent?.({ kind: 'undo-failed', step: d.step, error });
      }
    }
  }
  await writer.finish();
  return {
    ok: !failure,
    state: writer.state,
    completed: completed.map((d) => d.step),
    ...(failure ? { failed: failure } : {}),
    undone,
    undoFailures,
  };
}
