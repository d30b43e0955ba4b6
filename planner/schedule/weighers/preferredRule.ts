import type { Occupancy } from '../occupancy.js';
import type { Rule } from '../rule.js';
import { ruleViolation } from '../ruleViolation.js';

/** 1 for a host that keeps the VM's preferred rule, 0 for one that breaks it (or no rule). */
export function preferredRuleWeight(rule: Rule | undefined, host: string, placed: Occupancy): number {
  if (rule?.mode !== 'preferred') return 0;
  return ruleViolation(rule, host, placed) === undefined ? 1 : 0;
}
