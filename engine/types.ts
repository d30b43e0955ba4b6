import type { PlanStep } from '../planner/plan/types.js';
import type { ResourceChange } from '../planner/resourceChange.js';
import type { State } from '../planner/state/types.js';
import type { Attributes } from '../core/values.js';
import type { StateSink } from './state/stateWriter.js';

/** Does the work of one step (the provider implements it with resource handlers). */
export interface StepRunner {
  /** Runs the step; returns the instance's attributes afterwards (null after a delete). */
  run(step: PlanStep, change: ResourceChange): Promise<Attributes | null>;
  /** Undoes a completed step: `before` is what existed before it, `after` what it left. */
  undo(
    step: PlanStep,
    change: ResourceChange,
    before: Attributes | null,
    after: Attributes | null,
  ): Promise<Attributes | null>;
}

export type ApplyEvent =
  | { kind: 'start'; step: PlanStep }
  | { kind: 'done'; step: PlanStep; elapsedMs: number; id?: string }
  | { kind: 'failed'; step: PlanStep; error: Error }
  | { kind: 'undo-start'; step: PlanStep }
  | { kind: 'undo-done'; step: PlanStep }
  /** An undo did something other than restore the prior attributes exactly, and says what. */
  | { kind: 'undo-note'; step: PlanStep; note: string }
  | { kind: 'undo-failed'; step: PlanStep; error: Error };

export interface ApplyOptions {
  parallelism: number;
  perHostParallelism: number;
  onFailure: 'rollback' | 'stop';
  onEvent?: (e: ApplyEvent) => void;
  /** Persists the whole state; returns the state as written (serial advanced). */
  save(state: State): Promise<State>;
  /** Appends changes to the stored state's change log instead (see StateSink), when the store keeps one. */
  append?: StateSink['append'];
  canAppend?: StateSink['canAppend'];
}

export interface StepFailure {
  step: PlanStep;
  error: Error;
}

export interface ApplyResult {
  ok: boolean;
  state: State;
  completed: PlanStep[];
  failed?: StepFailure;
  /** Completed steps that were undone, in the order they were undone. */
  undone: PlanStep[];
  /** Undo steps that failed: left for cleanup, never hiding the original failure. */
  undoFailures: StepFailure[];
}
