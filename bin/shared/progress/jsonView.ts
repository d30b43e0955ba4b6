import type { ApplyEvent } from '../../../engine/types.js';
import type { Plan } from '../../../planner/plan/types.js';
import { Heartbeat } from './heartbeat.js';
import { JsonUi, type UiMessage } from './jsonUi.js';
import { ApplyTracker } from './tracker.js';
import { HEARTBEAT_MS, type ProgressView, type TextSink } from './view.js';

/** `--json`: one Terraform-style UI message per line, on stdout (it is the command's data). */
export class JsonView implements ProgressView {
  private tracker: ApplyTracker | undefined;
  private readonly heartbeat: Heartbeat;

  constructor(
    private readonly out: TextSink,
    readonly ui = new JsonUi(),
    heartbeatMs = HEARTBEAT_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.heartbeat = new Heartbeat(
      heartbeatMs,
      (step, ms) => this.emit(this.ui.applyProgress(step, ms)),
      now,
    );
  }

  emit(m: UiMessage): void {
    this.out.write(JSON.stringify(m) + '\n');
  }

  start(plan: Plan): void {
    this.tracker = new ApplyTracker(plan.steps.length, this.now());
  }

  event(e: ApplyEvent): void {
    const elapsedMs = this.tracker?.update(e, this.now());
    switch (e.kind) {
      case 'start':
        this.heartbeat.started(e.step);
        return this.emit(this.ui.applyStart(e.step));
      case 'done':
        this.heartbeat.ended(e.step);
        return this.emit(this.ui.applyComplete(e.step, elapsedMs ?? e.elapsedMs, e.id));
      case 'failed':
        this.heartbeat.ended(e.step);
        this.emit(this.ui.applyErrored(e.step, elapsedMs ?? 0));
        return this.emit(
          this.ui.diagnostic({
            severity: 'error',
            summary: `${e.step.address}: ${e.step.kind} failed`,
            detail: e.error.message,
            address: e.step.address,
          }),
        );
      case 'undo-start':
        return this.emit(this.ui.rollbackStart(e.step));
      case 'undo-done':
        return this.emit(this.ui.rollbackComplete(e.step));
      case 'undo-note':
        return this.emit(this.ui.rollbackNote(e.step, e.note));
      case 'undo-failed':
        return this.emit(this.ui.rollbackErrored(e.step, e.error));
    }
  }

  stop(): void {
    this.heartbeat.stop();
  }
}
