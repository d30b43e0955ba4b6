import type { ApplyEvent } from '../../../engine/types.js';
import type { PlanStep } from '../../../planner/plan/types.js';

/** A step that finished (or failed), with how long it ran. */
export interface FinishedStep {
  step: PlanStep;
  elapsedMs: number;
  outcome: 'done' | 'failed';
}

/**
 * What an apply is doing, folded from the engine's events: the steps running now (since when),
 * the ones finished with their durations, and the counts a progress view shows.
 */
export class ApplyTracker {
  readonly running = new Map<string, { step: PlanStep; startedAt: number }>();
  readonly finished: FinishedStep[] = [];
  readonly rollingBack = new Map<string, { step: PlanStep; startedAt: number }>();
  undone = 0;
  undoFailed = 0;

  constructor(
    readonly total: number,
    readonly startedAt: number,
  ) {}

  get done(): number {
    return this.finished.filter((f) => f.outcome === 'done').length;
  }

  get failed(): number {
    return this.finished.filter((f) => f.outcome === 'failed').length;
  }

  /** Steps not finished and not running. */
  get left(): number {
    return this.total - this.finished.length - this.running.size;
  }

  /** Folds one event in; returns how long the step ran for done and failed events. */
  update(e: ApplyEvent, now: number): number | undefined {
    const id = e.step.id;
    switch (e.kind) {
      case 'start':
        this.running.set(id, { step: e.step, startedAt: now });
        return undefined;
      case 'done':
      case 'failed': {
        const started = this.running.get(id)?.startedAt ?? now;
        this.running.delete(id);
        const elapsedMs = e.kind === 'done' ? e.elapsedMs : now - started;
        this.finished.push({ step: e.step, elapsedMs, outcome: e.kind });
        return elapsedMs;
      }
      case 'undo-start':
        this.rollingBack.set(id, { step: e.step, startedAt: now });
        return undefined;
      case 'undo-done':
        this.rollingBack.delete(id);
        this.undone++;
        return undefined;
      case 'undo-failed':
        this.rollingBack.delete(id);
        this.undoFailed++;
        return undefined;
      case 'undo-note':
        return undefined;
    }
  }
}

/** "4.2s", "1m05s": a duration as a progress view shows it. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
