import type { Condition } from './types.js';
import { isSet, UNKNOWN, type Looked, type RuleScope } from './scope.js';

/** A condition that holds, with what it looked at (for the words of a message). */
export interface MetCondition<P> {
  condition: Condition;
  looked: Looked<P>;
  /** The address of the resource `via` led to. */
  via?: string;
}

export interface Conditions<P> {
  /** true: all hold; false: one does not; undefined: one depends on an unknown value or a resource out of sight. */
  holds: boolean | undefined;
  met: MetCondition<P>[];
}

function test(c: Condition, value: unknown): boolean | undefined {
  if (value === UNKNOWN) return undefined;
  if (c.set !== undefined) return isSet(value) === c.set;
  if (c.equals !== undefined) return value === c.equals;
  if (c.in !== undefined) return c.in.includes(value as string);
  if (c.matches !== undefined) return typeof value === 'string' && new RegExp(c.matches).test(value);
  return isSet(value);
}

function one<P>(c: Condition, scope: RuleScope<P>): { holds: boolean | undefined; met?: MetCondition<P> } {
  if (!c.via) {
    const looked = scope.lookup(c.attribute);
    return { holds: test(c, looked.value), met: { condition: c, looked } };
  }
  const target = scope.follow(c.via);
  if (target === UNKNOWN || target === undefined) return { holds: undefined };
  const looked = target.scope.lookup(c.attribute);
  return { holds: test(c, looked.value), met: { condition: c, looked, via: target.address } };
}

/** A rule's `when`: every condition in order, stopping at the first that does not hold. */
export function evaluateConditions<P>(
  conds: readonly Condition[] | undefined,
  scope: RuleScope<P>,
): Conditions<P> {
  const met: MetCondition<P>[] = [];
  for (const c of conds ?? []) {
    const r = one(c, scope);
    if (r.holds !== true) return { holds: r.holds, met };
    met.push(r.met!);
  }
  return { holds: true, met };
}
