import type { Condition } from '../../../schemas/rules/types.js';
import { formatValue } from '../formatValue.js';
import { follow, isSet, lookup, scopeOf, UNKNOWN, type Scope } from './context.js';

export interface ConditionResult {
  /** true: holds; false: does not; undefined: depends on an unknown value or a resource outside the configuration. */
  holds: boolean | undefined;
  /** The condition in words, for messages: `kind = "rbd"`, `its switch (nssv_distributed_switch.s) has transport = "vxlan"`. */
  words: string;
}

function test(c: Condition, value: unknown): boolean | undefined {
  if (value === UNKNOWN) return undefined;
  if (c.set !== undefined) return isSet(value) === c.set;
  if (c.equals !== undefined) return value === c.equals;
  if (c.in !== undefined) return c.in.includes(value as string);
  if (c.matches !== undefined) return typeof value === 'string' && new RegExp(c.matches).test(value);
  return isSet(value);
}

function describe(c: Condition, shown: unknown): string {
  if (c.set !== undefined) return c.set ? `${c.attribute} is set` : `${c.attribute} is not set`;
  if (c.matches !== undefined) return `${c.attribute} = ${formatValue(shown)}`;
  return `${c.attribute} = ${formatValue(shown)}`;
}

export function evaluate(c: Condition, scope: Scope): ConditionResult {
  if (!c.via) {
    const v = lookup(scope, c.attribute).value;
    return { holds: test(c, v), words: describe(c, v) };
  }
  const target = follow(scope, c.via);
  if (target === UNKNOWN || target === undefined) return { holds: undefined, words: '' };
  const other = scopeOf(scope, target);
  if (!other) return { holds: undefined, words: '' };
  const v = lookup(other, c.attribute).value;
  const noun = c.via.replace(/_ids?$/, '').replace(/_/g, ' ');
  return { holds: test(c, v), words: `its ${noun} ${target.address} has ${describe(c, v)}` };
}

/** All conditions hold (true), one fails (false), or one cannot be decided (undefined). */
export function evaluateAll(conds: readonly Condition[] | undefined, scope: Scope): ConditionResult {
  const words: string[] = [];
  for (const c of conds ?? []) {
    const r = evaluate(c, scope);
    if (r.holds !== true) return r;
    words.push(r.words);
  }
  return { holds: true, words: words.join(' and ') };
}
