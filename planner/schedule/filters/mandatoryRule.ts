import type { Occupancy } from '../occupancy.js';
import type { Rule } from '../rule.js';
import { ruleViolation } from '../ruleViolation.js';

/** Rejects a host that would break the VM's mandatory scheduling group. */
export function mandatoryRuleFilter(
  rule: Rule | undefined,
  host: string,
  placed: Occupancy,
): string | undefined {
  if (rule?.mode !== 'mandatory') return undefined;
  return ruleViolation(rule, host, placed);
}
