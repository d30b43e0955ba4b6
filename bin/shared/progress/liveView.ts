import { createLogUpdate } from 'log-update';
import type { ApplyEvent } from '../../../engine/types.js';
import type { Plan } from '../../../planner/plan/types.js';
import { progressLine } from '../progress.js';
import { renderLiveFrame } from './liveFrame.js';
import { durationSummary } from './summary.js';
import { ApplyTracker } from './tracker.js';
import type { ProgressView } from './view.js';

/** The terminal stderr is (a TTY: columns and rows known). */
export type TtyStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };

/**
 * On a terminal: the steps running now redrawn in place (log-update) under the lines of the
 * steps that finished, ticking every `tickMs` so elapsed times move; at the end, the duration
 * summary in place of the live region.
 */
export class LiveView implements ProgressView {
  private tracker: ApplyTracker | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly region: ReturnType<typeof createLogUpdate>;

  constructor(
    private readonly tty: TtyStream,
    private readonly tickMs = 100,
    private readonly now: () => number = Date.now,
  ) {
    this.region = createLogUpdate(tty, { showCursor: true });
  }

  private draw(): void {
    if (!this.tracker) return;
    const maxSteps = Math.max(1, (this.tty.rows ?? 24) - 4);
    this.region(renderLiveFrame(this.tracker, this.now(), maxSteps));
  }

  start(plan: Plan): void {
    this.tracker = new ApplyTracker(plan.steps.length, this.now());
    this.draw();
    this.timer = setInterval(() => this.draw(), this.tickMs);
    this.timer.unref();
  }

  event(e: ApplyEvent): void {
    this.tracker?.update(e, this.now());
    // Finished steps (and rollbacks) stay on the screen above the live region.
    if (e.kind !== 'start' && e.kind !== 'undo-start') this.region.persist(progressLine(e) + '\n');
    this.draw();
  }

  stop(): void {
    clearInterval(this.timer);
    this.region.clear();
    this.region.done();
    if (this.tracker && this.tracker.finished.length > 0)
      this.tty.write(durationSummary(this.tracker, this.now()));
  }
}
