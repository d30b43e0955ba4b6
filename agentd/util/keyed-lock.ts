/**
 * Serialises async work per key: work for one key runs one at a time in arrival order, work for
 * different keys runs concurrently. Used so that concurrent requests on one object cannot interleave.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Runs `work` holding every key (taken in sorted order, so two callers cannot deadlock). */
  async runAll<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const step = (i: number): Promise<T> =>
      i === sorted.length ? work() : this.run(sorted[i]!, () => step(i + 1));
    return step(0);
  }

  get heldKeys(): number {
    return this.tails.size;
  }
}
