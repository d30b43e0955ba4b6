import { checkRule, conditionsHold } from '../../../schemas/rules/check.js';
import { UNKNOWN } from '../../../schemas/rules/scope.js';
import type { Rule } from '../../../schemas/rules/types.js';
import { plainScope } from './fakeScope.js';

const base = { id: 't.rule', code: 'NSSV_RULE_T', says: 'a test rule' };
const kinds = (rule: Rule, attributes: Record<string, unknown>) =>
  checkRule(rule, plainScope(attributes))?.violation;

describe('the rules interpreter (schemas/rules/check.ts)', () => {
  it('GIVEN exactlyOne WHEN none, one, two or an unknown are set THEN noneSet, nothing, tooMany (the set ones) and nothing', () => {
    const rule: Rule = { ...base, kind: 'exactlyOne', attributes: ['a', 'b'] };
    expect(kinds(rule, {})).toEqual({
      kind: 'noneSet',
      looked: [
        { path: 'a', value: undefined, raw: undefined },
        { path: 'b', value: undefined, raw: undefined },
      ],
    });
    expect(kinds(rule, { a: 1 })).toBeUndefined();
    expect(kinds(rule, { a: 1, b: [2] })?.kind).toBe('tooMany');
    expect(kinds(rule, { a: 1, b: [2] })).toMatchObject({ set: [{ path: 'a' }, { path: 'b' }] });
    expect(kinds(rule, { a: 1, b: UNKNOWN })).toBeUndefined();
    expect(kinds({ ...rule, kind: 'atMostOne' }, {})).toBeUndefined();
  });

  it('GIVEN requires, forbids and minCount WHEN broken THEN the attribute (and the count) is named; empty lists and maps are not set', () => {
    expect(kinds({ ...base, kind: 'requires', attribute: 'a' }, { a: {} })).toEqual({
      kind: 'required',
      attribute: { path: 'a', value: {}, raw: {} },
    });
    expect(kinds({ ...base, kind: 'requires', attribute: 'a' }, { a: UNKNOWN })).toBeUndefined();
    expect(kinds({ ...base, kind: 'forbids', attribute: 'a' }, { a: 'x' })).toEqual({
      kind: 'forbidden',
      attribute: { path: 'a', value: 'x', raw: 'x' },
    });
    expect(kinds({ ...base, kind: 'forbids', attribute: 'a' }, { a: [] })).toBeUndefined();
    expect(kinds({ ...base, kind: 'minCount', attribute: 'a', min: 2 }, { a: [1] })).toEqual({
      kind: 'tooFew',
      attribute: { path: 'a', value: [1], raw: [1] },
      count: 1,
      min: 2,
    });
  });

  it('GIVEN allowedValues WHEN the value is another, unset or unknown THEN only another value is refused (unset ones are filled in by the planner)', () => {
    const rule: Rule = { ...base, kind: 'allowedValues', attribute: 'f', values: ['raw'] };
    expect(kinds(rule, { f: 'qcow2' })).toEqual({
      kind: 'notAllowed',
      attribute: { path: 'f', value: 'qcow2', raw: 'qcow2' },
      allowed: ['raw'],
    });
    expect(kinds(rule, { f: 'raw' })).toBeUndefined();
    expect(kinds(rule, { f: null })).toBeUndefined();
    expect(kinds(rule, {})).toBeUndefined();
    expect(kinds(rule, { f: UNKNOWN })).toBeUndefined();
  });

  it('GIVEN forbids on an attribute set to its schema default WHEN checked THEN it is not a violation', () => {
    const rule: Rule = { ...base, kind: 'forbids', attribute: 'a' };
    const schema = { properties: { a: { type: 'integer', default: 3 } } };
    expect(checkRule(rule, plainScope({ a: 3 }, schema))).toBeUndefined();
    expect(checkRule(rule, plainScope({ a: 4 }, schema))?.violation.kind).toBe('forbidden');
  });

  it('GIVEN order WHEN numbers or IPv4 addresses are reversed THEN outOfOrder; equal or unparsable values pass', () => {
    const rule: Rule = { ...base, kind: 'order', first: 's', second: 'e' };
    expect(kinds(rule, { s: 9, e: 2 })?.kind).toBe('outOfOrder');
    expect(kinds(rule, { s: '10.0.0.9', e: '10.0.0.10' })).toBeUndefined();
    expect(kinds(rule, { s: '10.0.0.11', e: '10.0.0.10' })?.kind).toBe('outOfOrder');
    expect(kinds(rule, { s: 2, e: 2 })).toBeUndefined();
    expect(kinds(rule, { s: 'x', e: 1 })).toBeUndefined();
  });

  it('GIVEN cidr, inCidr and outsideRange WHEN broken THEN the problem, the usable hosts and the reason are given', () => {
    expect(kinds({ ...base, kind: 'cidr', attribute: 'c' }, { c: '10.0.0.1/24' })).toEqual({
      kind: 'badCidr',
      attribute: { path: 'c', value: '10.0.0.1/24', raw: '10.0.0.1/24' },
      problem: 'hostBits',
      normalised: '10.0.0.0/24',
    });
    expect(kinds({ ...base, kind: 'cidr', attribute: 'c' }, { c: '10.0.0.0/33' })).toMatchObject({
      problem: 'prefix',
    });
    const inCidr: Rule = { ...base, kind: 'inCidr', attribute: 'ip', cidr: 'c' };
    expect(kinds(inCidr, { ip: '10.0.0.255', c: '10.0.0.0/24' })).toMatchObject({
      kind: 'outsideCidr',
      hosts: ['10.0.0.1', '10.0.0.254'],
      reason: 'broadcast',
    });
    expect(kinds(inCidr, { ip: '10.0.1.1', c: '10.0.0.0/24' })).toMatchObject({ reason: 'outside' });
    expect(kinds(inCidr, { ip: '10.0.0.5', c: '10.0.0.0/24' })).toBeUndefined();
    const range: Rule = { ...base, kind: 'outsideRange', attribute: 'ip', start: 's', end: 'e' };
    expect(kinds(range, { ip: '10.0.0.5', s: '10.0.0.2', e: '10.0.0.9' })?.kind).toBe('insideRange');
    expect(kinds(range, { ip: '10.0.0.1', s: '10.0.0.2', e: '10.0.0.9' })).toBeUndefined();
  });

  it('GIVEN inCidr with cidrVia WHEN the network is on the referenced resource THEN the violation names it', () => {
    const rule: Rule = { ...base, kind: 'inCidr', attribute: 'ip', cidr: 'c', cidrVia: 'net_id' };
    const s = plainScope({ ip: '10.0.9.1', net_id: 'n' }, {}, { n: { c: '10.0.0.0/24' } });
    expect(checkRule(rule, s)?.violation).toMatchObject({
      kind: 'outsideCidr',
      via: { address: 'other.n', attribute: 'c' },
    });
    expect(checkRule(rule, plainScope({ ip: '10.0.9.1', net_id: 'gone' }))).toBeUndefined();
  });

  it('GIVEN conditions WHEN they hold, fail, depend on an unknown or on a resource out of sight THEN the rule applies only when all hold', () => {
    const rule: Rule = {
      ...base,
      kind: 'requires',
      attribute: 'a',
      when: [
        { attribute: 'kind', equals: 'rbd' },
        { attribute: 'x', via: 'net_id', set: true },
      ],
    };
    const others = { n: { x: 1 } };
    expect(checkRule(rule, plainScope({ kind: 'rbd', net_id: 'n' }, {}, others))).toEqual({
      violation: { kind: 'required', attribute: { path: 'a', value: undefined, raw: undefined } },
      met: [
        { condition: rule.when![0], looked: { path: 'kind', value: 'rbd', raw: 'rbd' } },
        { condition: rule.when![1], looked: { path: 'x', value: 1, raw: 1 }, via: 'other.n' },
      ],
    });
    expect(checkRule(rule, plainScope({ kind: 'dir', net_id: 'n' }, {}, others))).toBeUndefined();
    expect(checkRule(rule, plainScope({ kind: UNKNOWN, net_id: 'n' }, {}, others))).toBeUndefined();
    expect(checkRule(rule, plainScope({ kind: 'rbd', net_id: 'gone' }, {}, others))).toBeUndefined();
    expect(conditionsHold(rule, plainScope({ kind: 'rbd', net_id: 'n' }, {}, others))).toBe(true);
    expect(conditionsHold(rule, plainScope({ kind: 'rbd' }, {}, others))).toBe(false);
  });

  it('GIVEN the rules that count other resources WHEN checked here THEN nothing is found (the planner checks them)', () => {
    const rule: Rule = { ...base, kind: 'hostLabels', attribute: 'a', cluster: 'c', labels: ['rack'] };
    expect(kinds(rule, { a: 'rack' })).toBeUndefined();
  });
});
