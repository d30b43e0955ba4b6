import type { PlanStep } from '../../../planner/plan/types.js';

/** Calls `beat(step, elapsedMs)` every `intervalMs` while a step runs (timers never hold the process). */
export class Heartbeat {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly beat: (step: PlanStep, elapsedMs: number) => void,
    private readonly now: () => number = Date.now,
  ) {}

  started(step: PlanStep): void {
    const t0 = this.now();
    const timer = setInterval(() => this.beat(step, this.now() - t0), this.intervalMs);
    timer.unref();
    this.timers.set(step.id, timer);
  }

  ended(step: PlanStep): void {
    clearInterval(this.timers.get(step.id));
    this.timers.delete(step.id);
  }

  stop(): void {
    for (const t of this.timers.values()) clearInterval(t);
    this.timers.clear();
  }
}
