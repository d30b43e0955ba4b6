import type { PlanStep } from '../planner/plan/types.js';
import type { ResourceChange } from '../planner/resourceChange.js';
import type { State } from '../planner/state/types.js';
import type { Attributes } from '../core/values.js';

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
  | { kind: 'undo-failed'; step: PlanStep; error: Error };

export interface ApplyOptions {
  parallelism: number;
  perHostParallelism: number;
  onFailure: 'rollback' | 'stop';
  onEvent?: (e: ApplyEvent) => void;
  /** Persists state after every step; returns the state as written (serial advanced). */
  save(state: State): Promise<State>;
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
