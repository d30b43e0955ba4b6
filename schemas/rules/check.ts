/**
 * The one interpreter of the schemas' cross-field rules (schemas/rules/*.ts): given a rule and the
 * scope it is checked in, what is wrong, as data. planner/validate turns a violation into a located
 * Diagnostic, constructs/validation into a message about the construct's props. The rules that
 * count other resources (maxPerReference, hostLabels) need the whole configuration: the planner
 * checks those itself.
 */
import { evaluateConditions, type MetCondition } from './conditions.js';
import { formatIpv4, hostRange, parseCidr, parseIpv4, type CidrProblem } from './ipv4.js';
import { isSet, UNKNOWN, type Looked, type RuleScope } from './scope.js';
import type { AllowedValues, Rule } from './types.js';

export type Violation<P> =
  /** More than one of exactlyOne/atMostOne's attributes is set. */
  | { kind: 'tooMany'; set: Looked<P>[]; looked: Looked<P>[] }
  /** None of exactlyOne's attributes is set. */
  | { kind: 'noneSet'; looked: Looked<P>[] }
  | { kind: 'required'; attribute: Looked<P> }
  | { kind: 'forbidden'; attribute: Looked<P> }
  | { kind: 'notAllowed'; attribute: Looked<P>; allowed: AllowedValues['values'] }
  | { kind: 'tooFew'; attribute: Looked<P>; count: number; min: number }
  | { kind: 'badCidr'; attribute: Looked<P>; problem: CidrProblem; normalised?: string }
  | {
      kind: 'outsideCidr';
      attribute: Looked<P>;
      cidr: Looked<P>;
      /** The resource cidrVia led to, and the name of its attribute holding the network. */
      via?: { address: string; attribute: string };
      hosts: [string, string];
      reason: 'outside' | 'network' | 'broadcast';
    }
  | { kind: 'outOfOrder'; first: Looked<P>; second: Looked<P> }
  | { kind: 'insideRange'; attribute: Looked<P>; start: Looked<P>; end: Looked<P> };

export interface Finding<P> {
  violation: Violation<P>;
  /** The rule's conditions, all holding. */
  met: MetCondition<P>[];
}

const asNumber = (v: unknown): unknown => (typeof v === 'string' ? parseIpv4(v) : v);

function sameAsDefault(l: Looked<unknown>): boolean {
  return JSON.stringify(l.raw) === JSON.stringify(l.schema?.default);
}

function oneOf<P>(rule: Rule & { attributes: string[] }, s: RuleScope<P>): Violation<P> | undefined {
  const looked = rule.attributes.map((a) => s.lookup(a));
  if (looked.some((l) => l.raw === UNKNOWN)) return undefined;
  const set = looked.filter((l) => isSet(l.raw));
  if (set.length > 1) return { kind: 'tooMany', set, looked };
  if (set.length === 0 && rule.kind === 'exactlyOne') return { kind: 'noneSet', looked };
  return undefined;
}

function inCidr<P>(rule: Extract<Rule, { kind: 'inCidr' }>, s: RuleScope<P>): Violation<P> | undefined {
  const l = s.lookup(rule.attribute);
  if (typeof l.value !== 'string') return undefined;
  let cidrScope = s;
  let via: { address: string; attribute: string } | undefined;
  if (rule.cidrVia) {
    const target = s.follow(rule.cidrVia);
    if (target === UNKNOWN || target === undefined) return undefined;
    cidrScope = target.scope;
    via = { address: target.address, attribute: rule.cidr };
  }
  const c = cidrScope.lookup(rule.cidr);
  if (typeof c.value !== 'string') return undefined;
  const addr = parseIpv4(l.value);
  const net = parseCidr(c.value).network;
  if (addr === undefined || !net) return undefined;
  const [lo, hi] = hostRange(net);
  if (addr >= lo && addr <= hi) return undefined;
  const reason =
    addr < net.first || addr > net.last ? 'outside' : addr === net.first ? 'network' : 'broadcast';
  return {
    kind: 'outsideCidr',
    attribute: l,
    cidr: c,
    ...(via === undefined ? {} : { via }),
    hosts: [formatIpv4(lo), formatIpv4(hi)],
    reason,
  };
}

function violation<P>(rule: Rule, s: RuleScope<P>): Violation<P> | undefined {
  switch (rule.kind) {
    case 'exactlyOne':
    case 'atMostOne':
      return oneOf(rule, s);
    case 'requires': {
      const l = s.lookup(rule.attribute);
      return l.value === UNKNOWN || isSet(l.value) ? undefined : { kind: 'required', attribute: l };
    }
    case 'forbids': {
      const l = s.lookup(rule.attribute);
      if (l.raw === UNKNOWN || !isSet(l.raw) || sameAsDefault(l)) return undefined;
      return { kind: 'forbidden', attribute: l };
    }
    case 'allowedValues': {
      const l = s.lookup(rule.attribute);
      // Unset (a computed attribute the planner fills in to fit, like a volume's format): nothing to refuse.
      if (l.value === UNKNOWN || l.value === null || l.value === undefined) return undefined;
      if (rule.values.includes(l.value as string)) return undefined;
      return { kind: 'notAllowed', attribute: l, allowed: rule.values };
    }
    case 'minCount': {
      const l = s.lookup(rule.attribute);
      if (!Array.isArray(l.value) || l.value.length >= rule.min) return undefined;
      return { kind: 'tooFew', attribute: l, count: l.value.length, min: rule.min };
    }
    case 'cidr': {
      const l = s.lookup(rule.attribute);
      if (typeof l.value !== 'string') return undefined;
      const parsed = parseCidr(l.value);
      if (!parsed.problem) return undefined;
      return {
        kind: 'badCidr',
        attribute: l,
        problem: parsed.problem,
        ...(parsed.normalised === undefined ? {} : { normalised: parsed.normalised }),
      };
    }
    case 'inCidr':
      return inCidr(rule, s);
    case 'order': {
      const first = s.lookup(rule.first);
      const second = s.lookup(rule.second);
      const [a, b] = [asNumber(first.value), asNumber(second.value)];
      if (typeof a !== 'number' || typeof b !== 'number' || a <= b) return undefined;
      return { kind: 'outOfOrder', first, second };
    }
    case 'outsideRange': {
      const [v, start, end] = [s.lookup(rule.attribute), s.lookup(rule.start), s.lookup(rule.end)];
      if (typeof v.value !== 'string' || typeof start.value !== 'string' || typeof end.value !== 'string')
        return undefined;
      const [nv, ns, ne] = [parseIpv4(v.value), parseIpv4(start.value), parseIpv4(end.value)];
      if (nv === undefined || ns === undefined || ne === undefined || nv < ns || nv > ne) return undefined;
      return { kind: 'insideRange', attribute: v, start, end };
    }
    case 'maxPerReference':
    case 'hostLabels':
      return undefined;
  }
}

/**
 * What is wrong with one rule in one scope (the resource, or one item of its nested block), if
 * anything; `undefined` also when the rule's conditions do not hold (or cannot be decided yet).
 * maxPerReference and hostLabels are never found here (see `conditionsHold`).
 */
export function checkRule<P>(rule: Rule, scope: RuleScope<P>): Finding<P> | undefined {
  const cond = evaluateConditions(rule.when, scope);
  if (cond.holds !== true) return undefined;
  const v = violation(rule, scope);
  return v && { violation: v, met: cond.met };
}

/** Whether a rule's conditions all hold in a scope (false also when one cannot be decided yet). */
export function conditionsHold<P>(rule: Rule, scope: RuleScope<P>): boolean {
  return evaluateConditions(rule.when, scope).holds === true;
}
