import type { SourceRange } from '../../core/diagnostic.js';
import { configErrors as E } from './errors.js';
import type { Shared } from './module-scope.js';

const PENDING = Symbol('pending');

/**
 * The evaluated nodes of one kind (variables, locals, resources, …) of one module instance:
 * each is evaluated once, on first use; a node reached again while it is being evaluated is a
 * cycle, reported with its path.
 */
export class MemoTable<T extends object> {
  private readonly map = new Map<string, T | typeof PENDING>();

  constructor(
    private readonly shared: Shared,
    private readonly prefix: string,
  ) {}

  get(key: string, label: string, range: SourceRange, fn: () => T, onCycle: () => T): T {
    const got = this.map.get(key);
    if (got === PENDING) {
      const full = this.prefix + label;
      const i = this.shared.stack.indexOf(full);
      const path = [...this.shared.stack.slice(i), full];
      this.shared.diags.push(E.cycle(range, path));
      return onCycle();
    }
    if (got !== undefined) return got;
    this.map.set(key, PENDING);
    this.shared.stack.push(this.prefix + label);
    try {
      const r = fn();
      this.map.set(key, r);
      return r;
    } finally {
      this.shared.stack.pop();
    }
  }

  /** Records a node before its evaluation ends (a variable's validations may refer to it). */
  set(key: string, value: T): void {
    this.map.set(key, value);
  }

  /** The node, when its evaluation has finished. */
  done(key: string): T | undefined {
    const got = this.map.get(key);
    return got === PENDING ? undefined : got;
  }
}
