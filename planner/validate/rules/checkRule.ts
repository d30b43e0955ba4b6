import type { Diagnostic } from '../../../core/diagnostic.js';
import { checkRule as findViolation, conditionsHold, type Violation } from '../../../schemas/rules/check.js';
import type { Rule } from '../../../schemas/rules/types.js';
import * as errors from '../errors.js';
import { isSensitivePath, rangeOf } from '../paths.js';
import { conditionWords } from './conditions.js';
import { lookup, ruleScope, type Lookup, type Scope } from './context.js';
import { checkHostLabels, checkMaxPerReference } from './spanning.js';

function at(scope: Scope, rule: Rule, attribute: string): errors.RuleSubject {
  return {
    code: rule.code,
    address: scope.instance.address,
    attribute,
    range: rangeOf(scope.instance, attribute),
    says: rule.says,
  };
}

const sensitive = (scope: Scope, l: Lookup): boolean => isSensitivePath(scope.instance, l.path, l.schema);
const isBlock = (l: Lookup): boolean => l.schema?.['x-nssv-block'] === true;

/** A violation of the rules' interpreter as the planner's located Diagnostic. */
function diagnostic(v: Violation<string>, rule: Rule, scope: Scope, words: string): Diagnostic {
  /** The rule's subject at an attribute, with the attribute's value (defaults filled in). */
  const on = <T>(l: Lookup) => ({ ...at(scope, rule, l.path), value: l.value as T });
  switch (v.kind) {
    case 'tooMany':
      return errors.tooManyOf({
        ...at(scope, rule, v.set[1]!.path),
        attributes: v.set.map((l) => l.path),
        words,
      });
    case 'noneSet':
      return errors.noneOfExactlyOne({
        ...at(scope, rule, scope.itemPath),
        attributes: v.looked.map((l) => l.path),
        words,
      });
    case 'required': {
      const anchor = rule.when?.[0] ? lookup(scope, rule.when[0].attribute).path : scope.itemPath;
      const s = { ...at(scope, rule, v.attribute.path), range: rangeOf(scope.instance, anchor) };
      return errors.requiredByRule({ ...s, words, block: isBlock(v.attribute) });
    }
    case 'forbidden':
      return errors.forbiddenByRule({
        ...at(scope, rule, v.attribute.path),
        value: v.attribute.raw,
        sensitive: sensitive(scope, v.attribute),
        words,
        block: isBlock(v.attribute),
      });
    case 'notAllowed':
      return errors.valueNotAllowedByRule({
        ...on<unknown>(v.attribute),
        sensitive: sensitive(scope, v.attribute),
        words,
        allowed: v.allowed,
      });
    case 'tooFew':
      return errors.tooFewItems({
        ...at(scope, rule, v.attribute.path),
        count: v.count,
        min: v.min,
        words,
      });
    case 'badCidr':
      return errors.badCidr({
        ...on<string>(v.attribute),
        problem: v.problem,
        normalised: v.normalised,
      });
    case 'outsideCidr':
      return errors.outsideCidr({
        ...on<string>(v.attribute),
        cidrPath: v.via === undefined ? v.cidr.path : `${v.via.address}.${v.via.attribute}`,
        cidr: v.cidr.value as string,
        hosts: v.hosts,
        reason: v.reason,
      });
    case 'outOfOrder':
      return errors.outOfOrder({
        ...at(scope, rule, v.first.path),
        first: v.first.path,
        firstValue: v.first.value,
        second: v.second.path,
        secondValue: v.second.value,
      });
    case 'insideRange':
      return errors.insideRange({
        ...on<string>(v.attribute),
        rangePath: scope.itemPath || `${v.start.path}–${v.end.path}`,
        start: v.start.value as string,
        end: v.end.value as string,
      });
  }
}

/** One rule in one scope (the resource, or one item of a nested block). */
export function checkRule(rule: Rule, scope: Scope, rs = ruleScope(scope)): Diagnostic[] {
  if (rule.kind === 'maxPerReference')
    return conditionsHold(rule, rs) ? checkMaxPerReference(rule, scope) : [];
  if (rule.kind === 'hostLabels') return conditionsHold(rule, rs) ? checkHostLabels(rule, scope) : [];
  const found = findViolation(rule, rs);
  return found ? [diagnostic(found.violation, rule, scope, conditionWords(found.met))] : [];
}
