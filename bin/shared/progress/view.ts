import type { ApplyEvent } from '../../../engine/types.js';
import type { Plan } from '../../../planner/plan/types.js';

/** Shows an apply while it runs: fed the engine's events, stopped when the apply ends. */
export interface ProgressView {
  start(plan: Plan): void;
  event(e: ApplyEvent): void;
  /** Ends the view (timers, live region) and prints its closing summary, if it has one. */
  stop(): void;
}

/** A writable the views print to (process.stderr, process.stdout or a test's stream). */
export interface TextSink {
  write(text: string): unknown;
}

/** Heartbeats for long steps: Terraform says "Still creating... [10s elapsed]" every 10 s. */
export const HEARTBEAT_MS = 10_000;
