import type { State } from '../../planner/state/types.js';

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Keeps the working state and writes it through `save`, one write at a time. Updates that arrive
 * while a write is in flight are written together by the next one (a 10,000-step apply does not
 * write a 10,000-resource state 10,000 times); `update` resolves once a write that includes the
 * update has finished, so a step counts as done only when its result is durable.
 */
export class StateWriter {
  private waiting: Waiter[] = [];
  private writing: Promise<void> | undefined;

  constructor(
    private current: State,
    private readonly save: (s: State) => Promise<State>,
  ) {}

  get state(): State {
    return this.current;
  }

  update(next: State): Promise<void> {
    this.current = next;
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Resolves when nothing is left to write. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        try {
          const written = await this.save(this.current);
          // Updates made during the write are kept; only the serial comes from the write.
          this.current = { ...this.current, serial: written.serial };
          for (const w of batch) w.resolve();
        } catch (e) {
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      this.writing = undefined;
    }
  }
}
