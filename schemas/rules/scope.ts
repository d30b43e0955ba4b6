/**
 * What the rules' interpreter (schemas/rules/check.ts) needs of the place a rule is checked in:
 * planner/validate gives it a configuration's instances, constructs/validation one construct's props.
 * `P` is how an attribute's path is spelled for messages ("dhcp[0].start", or ["dhcp", 0, "start"]).
 */
import type { JsonSchema } from '../jsonSchema.js';

/** A value only known at apply (or when Terraform runs): a rule that needs it does not apply. */
export const UNKNOWN = Symbol('unknown');

/** An attribute as a rule sees it. */
export interface Looked<P> {
  path: P;
  /** Its value, schema defaults filled in; UNKNOWN if not known yet. */
  value: unknown;
  /** Its value as configured (no defaults); UNKNOWN if not known yet. */
  raw: unknown;
  schema?: JsonSchema;
}

export interface RuleScope<P> {
  /** An attribute of the block item the rule is checked on (if any), else of the resource. */
  lookup(name: string): Looked<P>;
  /**
   * The resource a reference attribute points at: UNKNOWN when the reference is not known yet,
   * undefined when it is outside what the scope can see.
   */
  follow(via: string): { scope: RuleScope<P>; address: string } | typeof UNKNOWN | undefined;
}

/** Set = given, not null, not an empty list or map. */
export function isSet(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}
