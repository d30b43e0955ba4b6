import { diff } from '../../../../planner/plan/transforms/diff.js';
import { forceReplace } from '../../../../planner/plan/transforms/forceReplace.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { vm, world } from '../../../helpers/desired.js';
import { planContext, recorded, stateOf } from '../../../helpers/planContext.js';

describe('forceReplace', () => {
  test('GIVEN -replace of an unchanged VM THEN it is replaced and its computed values are unknown', () => {
    const [volume, a] = vm('a', 512, { host_id: 'h1' });
    const live = {
      ...a!.attributes,
      id: 'a',
      uuid: 'u-1',
      nic: [{ port_group_id: 'web', mac: '52:54:00:00:00:01' }],
    };
    const ctx = planContext(
      { desired: [volume!, a!], prior: stateOf([recorded('nssv_vm.a', live)]) },
      plannedAttributes,
      diff,
    );
    const before = ctx.changes.find((c) => c.address === 'nssv_vm.a')!.action;
    forceReplace(['nssv_vm.a'])(ctx);
    const c = ctx.changes.find((c) => c.address === 'nssv_vm.a')!;
    expect(before).toBe('noop');
    expect([c.action, c.reason, c.after!.uuid]).toEqual([
      'replace',
      'requested with -replace',
      { $unknown: true },
    ]);
    expect(ctx.nodes.get('nssv_vm.a')!.planned).toBe(c.after);
  });

  test('GIVEN -replace of an instance being created THEN it stays a create', () => {
    const ctx = planContext({ desired: world() }, plannedAttributes, diff, forceReplace(['nssv_cluster.c']));
    expect(ctx.changes.find((c) => c.address === 'nssv_cluster.c')!.action).toBe('create');
  });
});
