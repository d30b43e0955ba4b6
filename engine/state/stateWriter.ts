import type { State, StateResource } from '../../planner/state/types.js';
import { sortedResources, type InstanceChange } from './stateUpdate.js';

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** Where the writer puts the state: whole, and (when the store can) as appended changes. */
export interface StateSink {
  /** Writes the whole state as the next serial; returns it as written. */
  save(state: State): Promise<State>;
  /**
   * Durably records changes made on top of the stored state `base` (its lineage and serial), so
   * a reader of the state sees them; undefined when the store keeps no change log.
   */
  append?(base: Pick<State, 'lineage' | 'serial'>, changes: readonly InstanceChange[]): Promise<void>;
  /** Whether `append` may be used now (e.g. not before a state is stored for it to apply to). */
  canAppend?(): boolean;
}

/** A change log is compacted into a whole state once it holds this many changes or more… */
export const MIN_CHANGES_BEFORE_COMPACTION = 1_000;
// …and at least as many as the state has instances: the bytes written stay proportional to
// the changes (each whole write is paid for by as many appended ones), however large the state.

/**
 * Keeps the working state (instances by address: one step's update costs the same in a state of
 * 20 or 20,000 instances) and makes each update durable, one write at a time. Updates that
 * arrive while a write is in flight go together in the next one. With a change log, a write
 * appends just the batch's changes, and the whole state is written when the log has grown as
 * large as the state, and at `finish`; without one, every write is of the whole state.
 * `update` resolves once a write that includes the update has finished, so a step counts as
 * done only when its result is durable.
 */
export class StateWriter {
  private readonly byAddress: Map<string, StateResource>;
  private meta: Omit<State, 'resources'>;
  private pending: InstanceChange[] = [];
  private waiting: Waiter[] = [];
  private writing: Promise<void> | undefined;
  /** Changes appended since the last whole write. */
  private logged = 0;

  constructor(
    prior: State,
    private readonly sink: StateSink,
  ) {
    const { resources, ...meta } = prior;
    this.meta = meta;
    this.byAddress = new Map(resources.map((r) => [r.address, r]));
  }

  /** The working state, resources sorted by address (built on each call: O(n log n)). */
  get state(): State {
    return { ...this.meta, resources: sortedResources(this.byAddress) };
  }

  /** One instance's record in the working state. */
  get(address: string): StateResource | undefined {
    return this.byAddress.get(address);
  }

  update(change: InstanceChange): Promise<void> {
    if (change.resource) this.byAddress.set(change.address, change.resource);
    else this.byAddress.delete(change.address);
    this.pending.push(change);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.writing ??= this.drain(false);
    });
  }

  /** Resolves when nothing is left to write. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Writes the whole state if changes are only in the log, so the stored state is complete. */
  async finish(): Promise<void> {
    await this.idle();
    if (this.logged === 0) return;
    this.writing = this.drain(true);
    await this.idle();
  }

  private compactionDue(batch: number): boolean {
    if (!this.sink.append || this.sink.canAppend?.() === false) return true;
    return this.logged + batch >= Math.max(MIN_CHANGES_BEFORE_COMPACTION, this.byAddress.size);
  }

  private async drain(whole: boolean): Promise<void> {
    try {
      while (this.waiting.length > 0 || whole) {
        const batch = this.waiting;
        const changes = this.pending;
        this.waiting = [];
        this.pending = [];
        try {
          if (whole || this.compactionDue(changes.length)) {
            const written = await this.sink.save(this.state);
            // Updates made during the write are kept; only the serial comes from the write.
            this.meta = { ...this.meta, serial: written.serial };
            this.logged = 0;
          } else {
            await this.sink.append!({ lineage: this.meta.lineage, serial: this.meta.serial }, changes);
            this.logged += changes.length;
          }
          for (const w of batch) w.resolve();
        } catch (e) {
          for (const w of batch) w.reject(e);
        }
        whole = false;
      }
    } finally {
      this.writing = undefined;
    }
  }
}
