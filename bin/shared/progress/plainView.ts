import type { ApplyEvent } from '../../../engine/types.js';
import type { Plan } from '../../../planner/plan/types.js';
import { progressLine } from '../progress.js';
import { Heartbeat } from './heartbeat.js';
import { durationSummary } from './summary.js';
import { ApplyTracker } from './tracker.js';
import { HEARTBEAT_MS, type ProgressView, type TextSink } from './view.js';

const STILL = { create: 'creating', update: 'modifying', delete: 'destroying' } as const;

/**
 * Without a terminal (CI, a pipe, a log file): one timestamped line per step event on stderr,
 * a "Still creating..." line every 10 s for a long step, and the duration summary at the end.
 */
export class PlainView implements ProgressView {
  private tracker: ApplyTracker | undefined;
  private readonly heartbeat: Heartbeat;

  constructor(
    private readonly err: TextSink,
    heartbeatMs = HEARTBEAT_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.heartbeat = new Heartbeat(
      heartbeatMs,
      (step, ms) =>
        this.line(`${step.address}: Still ${STILL[step.kind]}... [${Math.floor(ms / 1000)}s elapsed]`),
      now,
    );
  }

  private line(text: string): void {
    this.err.write(`${new Date(this.now()).toISOString()} ${text}\n`);
  }

  start(plan: Plan): void {
    this.tracker = new ApplyTracker(plan.steps.length, this.now());
    this.line(`Applying ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}`);
  }

  event(e: ApplyEvent): void {
    this.tracker?.update(e, this.now());
    if (e.kind === 'start') this.heartbeat.started(e.step);
    if (e.kind === 'done' || e.kind === 'failed') this.heartbeat.ended(e.step);
    const where = e.kind === 'start' && e.step.hosts.length ? ` [host ${e.step.hosts.join(', ')}]` : '';
    const counts =
      this.tracker && (e.kind === 'done' || e.kind === 'failed')
        ? ` (${this.tracker.finished.length}/${this.tracker.total})`
        : '';
    this.line(`${progressLine(e)}${where}${counts}`);
  }

  stop(): void {
    this.heartbeat.stop();
    if (this.tracker && this.tracker.finished.length > 0)
      this.err.write('\n' + durationSummary(this.tracker, this.now()));
  }
}
