import type { PlanStep } from '../../planner/plan/types.js';

/**
 * Which steps may start: each step (and barrier) counts its unfinished predecessors; finishing
 * one decrements its waiters, and a barrier whose count reaches zero finishes in turn.
 * Linear in steps + edges, however large the plan.
 */
export class Readiness {
  private readonly remaining = new Map<string, number>();
  private readonly waiters = new Map<string, string[]>();
  private readonly steps = new Map<string, PlanStep>();
  /** Ready ids, kept sorted (binary insertion: no re-sort per step). */
  private readonly ready: string[] = [];
  private readonly done = new Set<string>();

  constructor(steps: readonly PlanStep[], barriers: Readonly<Record<string, readonly string[]>>) {
    const known = new Set<string>([...steps.map((s) => s.id), ...Object.keys(barriers)]);
    const wire = (id: string, after: readonly string[]): void => {
      const preds = [...new Set(after)].filter((p) => known.has(p));
      this.remaining.set(id, preds.length);
      for (const p of preds) {
        const list = this.waiters.get(p);
        if (list) list.push(id);
        else this.waiters.set(p, [id]);
      }
    };
    for (const s of steps) {
      this.steps.set(s.id, s);
      wire(s.id, s.after);
    }
    for (const [id, members] of Object.entries(barriers)) wire(id, members);
    for (const [id, n] of this.remaining) if (n === 0) this.reach(id);
  }

  /** Steps whose predecessors have all finished and that have not been taken yet, by id. */
  readySteps(): PlanStep[] {
    return [...this.inOrder()];
  }

  /**
   * The ready steps by id, without copying the list: the step just yielded may be taken before
   * the next is asked for.
   */
  *inOrder(): Generator<PlanStep> {
    for (let i = 0; i < this.ready.length;) {
      const id = this.ready[i]!;
      yield this.steps.get(id)!;
      if (this.ready[i] === id) i++;
    }
  }

  take(id: string): void {
    const i = this.position(id);
    if (this.ready[i] === id) this.ready.splice(i, 1);
  }

  finish(id: string): void {
    if (this.done.has(id)) return;
    this.done.add(id);
    for (const w of this.waiters.get(id) ?? []) {
      const n = (this.remaining.get(w) ?? 1) - 1;
      this.remaining.set(w, n);
      if (n === 0) this.reach(w);
    }
  }

  /** Steps that never became ready (only possible with a dependency cycle). */
  stuck(): string[] {
    const ready = new Set(this.ready);
    return [...this.steps.keys()].filter((id) => !this.done.has(id) && !ready.has(id)).sort();
  }

  /** Where id is or would be in the sorted ready list. */
  private position(id: string): number {
    let lo = 0;
    let hi = this.ready.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ready[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private reach(id: string): void {
    if (this.steps.has(id)) {
      const i = this.position(id);
      if (this.ready[i] !== id) this.ready.splice(i, 0, id);
    } else this.finish(id); // a barrier
  }
}
