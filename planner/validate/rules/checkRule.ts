import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Rule } from '../../../schemas/rules/types.js';
import * as errors from '../errors.js';
import { isSensitivePath, rangeOf } from '../paths.js';
import { evaluateAll } from './conditions.js';
import { follow, isSet, lookup, scopeOf, UNKNOWN, type Scope } from './context.js';
import { formatIpv4, hostRange, parseCidr, parseIpv4 } from './ipv4.js';
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

function known(...values: unknown[]): boolean {
  return values.every((v) => v !== UNKNOWN);
}

/** One rule in one scope (the resource, or one item of a nested block). */
export function checkRule(rule: Rule, scope: Scope): Diagnostic[] {
  const cond = evaluateAll(rule.when, scope);
  if (cond.holds !== true) return [];
  const words = cond.words;
  switch (rule.kind) {
    case 'exactlyOne':
    case 'atMostOne': {
      const looked = rule.attributes.map((a) => lookup(scope, a));
      if (!known(...looked.map((l) => l.raw))) return [];
      const set = looked.filter((l) => isSet(l.raw));
      if (set.length > 1) {
        return [
          errors.tooManyOf({ ...at(scope, rule, set[1]!.path), attributes: set.map((l) => l.path), words }),
        ];
      }
      if (set.length === 0 && rule.kind === 'exactlyOne') {
        const base = at(scope, rule, scope.itemPath);
        return [errors.noneOfExactlyOne({ ...base, attributes: looked.map((l) => l.path), words })];
      }
      return [];
    }
    case 'requires': {
      const l = lookup(scope, rule.attribute);
      if (l.value === UNKNOWN || isSet(l.value)) return [];
      const anchor = rule.when?.[0] ? lookup(scope, rule.when[0].attribute).path : scope.itemPath;
      const s = { ...at(scope, rule, l.path), range: rangeOf(scope.instance, anchor) };
      return [errors.requiredByRule({ ...s, words, block: l.schema?.['x-nssv-block'] === true })];
    }
    case 'forbids': {
      const l = lookup(scope, rule.attribute);
      if (l.raw === UNKNOWN || !isSet(l.raw)) return [];
      if (JSON.stringify(l.raw) === JSON.stringify(l.schema?.default)) return [];
      const sensitive = isSensitivePath(scope.instance, l.path, l.schema);
      const block = l.schema?.['x-nssv-block'] === true;
      return [errors.forbiddenByRule({ ...at(scope, rule, l.path), value: l.raw, sensitive, words, block })];
    }
    case 'allowedValues': {
      const l = lookup(scope, rule.attribute);
      // Unset (a computed attribute the planner fills in to fit, like a volume's format): nothing to refuse.
      if (l.value === UNKNOWN || l.value === null || l.value === undefined) return [];
      if (rule.values.includes(l.value as string)) return [];
      const sensitive = isSensitivePath(scope.instance, l.path, l.schema);
      return [
        errors.valueNotAllowedByRule({
          ...at(scope, rule, l.path),
          value: l.value,
          sensitive,
          words,
          allowed: rule.values,
        }),
      ];
    }
    case 'minCount': {
      const l = lookup(scope, rule.attribute);
      if (l.value === UNKNOWN || !Array.isArray(l.value) || l.value.length >= rule.min) return [];
      return [
        errors.tooFewItems({ ...at(scope, rule, l.path), count: l.value.length, min: rule.min, words }),
      ];
    }
    case 'cidr': {
      const l = lookup(scope, rule.attribute);
      if (typeof l.value !== 'string') return [];
      const parsed = parseCidr(l.value);
      if (!parsed.problem) return [];
      return [
        errors.badCidr({
          ...at(scope, rule, l.path),
          value: l.value,
          problem: parsed.problem,
          normalised: parsed.normalised,
        }),
      ];
    }
    case 'inCidr': {
      const l = lookup(scope, rule.attribute);
      if (typeof l.value !== 'string') return [];
      let cidrScope: Scope | undefined = scope;
      let cidrPath = rule.cidr;
      if (rule.cidrVia) {
        const target = follow(scope, rule.cidrVia);
        if (target === UNKNOWN || target === undefined) return [];
        cidrScope = scopeOf(scope, target);
        cidrPath = `${target.address}.${rule.cidr}`;
      }
      if (!cidrScope) return [];
      const c = lookup(cidrScope, rule.cidr);
      if (typeof c.value !== 'string') return [];
      if (!rule.cidrVia) cidrPath = c.path;
      const addr = parseIpv4(l.value);
      const net = parseCidr(c.value).network;
      if (addr === undefined || !net) return [];
      const [lo, hi] = hostRange(net);
      if (addr >= lo && addr <= hi) return [];
      const reason =
        addr < net.first || addr > net.last ? 'outside' : addr === net.first ? 'network' : 'broadcast';
      return [
        errors.outsideCidr({
          ...at(scope, rule, l.path),
          value: l.value,
          cidrPath,
          cidr: c.value,
          hosts: [formatIpv4(lo), formatIpv4(hi)],
          reason,
        }),
      ];
    }
    case 'order': {
      const a = lookup(scope, rule.first);
      const b = lookup(scope, rule.second);
      const na = typeof a.value === 'string' ? parseIpv4(a.value) : a.value;
      const nb = typeof b.value === 'string' ? parseIpv4(b.value) : b.value;
      if (typeof na !== 'number' || typeof nb !== 'number' || na <= nb) return [];
      return [
        errors.outOfOrder({
          ...at(scope, rule, a.path),
          first: a.path,
          firstValue: a.value,
          second: b.path,
          secondValue: b.value,
        }),
      ];
    }
    case 'outsideRange': {
      const v = lookup(scope, rule.attribute);
      const s = lookup(scope, rule.start);
      const e = lookup(scope, rule.end);
      if (typeof v.value !== 'string' || typeof s.value !== 'string' || typeof e.value !== 'string')
        return [];
      const [nv, ns, ne] = [parseIpv4(v.value), parseIpv4(s.value), parseIpv4(e.value)];
      if (nv === undefined || ns === undefined || ne === undefined || nv < ns || nv > ne) return [];
      return [
        errors.insideRange({
          ...at(scope, rule, v.path),
          value: v.value,
          rangePath: scope.itemPath || `${rule.start}–${rule.end}`,
          start: s.value,
          end: e.value,
        }),
      ];
    }
    case 'maxPerReference':
      return checkMaxPerReference(rule, scope);
    case 'hostLabels':
      return checkHostLabels(rule, scope);
  }
}
