import { applyTargets } from '../../../../planner/plan/transforms/applyTargets.js';
import { diff } from '../../../../planner/plan/transforms/diff.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { resolveDependencies } from '../../../../planner/plan/transforms/resolveDependencies.js';
import { desired } from '../../../helpers/desired.js';
import { planContext, recorded, stateOf } from '../../../helpers/planContext.js';

const config = [
  desired('nssv_datacenter.dc', { name: 'dc' }),
  desired('nssv_cluster.c', { name: 'c', datacenter_id: 'dc' }, ['nssv_datacenter.dc']),
  desired('nssv_datacenter.other', { name: 'other', description: 'changed' }),
];
const prior = stateOf([
  recorded('nssv_datacenter.other', { name: 'other', id: 'other', description: 'was' }),
]);
const targeted = (...targets: string[]) =>
  planContext(
    { desired: config, prior },
    resolveDependencies,
    plannedAttributes,
    diff,
    applyTargets(targets),
  );

describe('applyTargets', () => {
  test('GIVEN -target WHEN planned THEN only it and what it depends on change; the rest stays, with a warning', () => {
    const ctx = targeted('nssv_cluster.c');
    expect(ctx.changes.map((c) => [c.address, c.action])).toEqual([
      ['nssv_cluster.c', 'create'],
      ['nssv_datacenter.dc', 'create'],
      ['nssv_datacenter.other', 'noop'],
    ]);
    expect(ctx.changes[2]!.reason).toBe('not targeted');
    expect(ctx.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'NSSV_TARGETING']]);
  });

  test('GIVEN -target of an address that matches nothing THEN the plan fails naming it', () => {
    const ctx = targeted('nssv_vm.nope');
    expect(ctx.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      ['NSSV_TARGET_UNKNOWN', '-target nssv_vm.nope matches no resource in the configuration or the state'],
      ['NSSV_TARGETING', 'Resource targeting is in effect'],
    ]);
  });

  test('GIVEN no -target THEN every change stays', () => {
    expect(targeted().changes.map((c) => c.action)).toEqual(['create', 'create', 'update']);
  });
});
