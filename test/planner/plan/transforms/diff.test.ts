import type { Attributes } from '../../../../core/values.js';
import { diff } from '../../../../planner/plan/transforms/diff.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { desired } from '../../../helpers/desired.js';
import { planContext, recorded, stateOf } from '../../../helpers/planContext.js';

const volume = (size: number, extra = {}) =>
  desired('nssv_volume.v', { name: 'v', pool_id: 'p', size_gib: size, ...extra });
const appliedVolume = (size: number) =>
  recorded('nssv_volume.v', {
    name: 'v',
    id: 'v',
    pool_id: 'p',
    size_gib: size,
    format: 'qcow2',
    host_id: 'h1',
    delete_policy: 'delayed',
  });

function changes(desiredVolume: ReturnType<typeof volume> | undefined, size?: number) {
  const ctx = planContext(
    {
      desired: desiredVolume ? [desiredVolume] : [],
      prior: stateOf(size === undefined ? [] : [appliedVolume(size)]),
    },
    plannedAttributes,
    diff,
  );
  return { ctx, change: ctx.changes[0]! };
}

describe('diff', () => {
  test('GIVEN an instance only in configuration THEN it is created', () => {
    const { change } = changes(volume(1));
    expect([change.action, change.before]).toEqual(['create', null]);
  });

  test('GIVEN an instance only in state THEN it is deleted, with the reason', () => {
    const { change } = changes(undefined, 1);
    expect([change.action, change.after, change.reason]).toEqual(['delete', null, 'not in configuration']);
  });

  test('GIVEN the same attributes THEN nothing changes', () => {
    expect(changes(volume(2), 2).change.action).toBe('noop');
  });

  test('GIVEN a size that grows THEN it is an update in place', () => {
    const { change } = changes(volume(3), 2);
    expect([change.action, change.requiredReplace]).toEqual(['update', []]);
  });

  test('GIVEN a force-new attribute that changes THEN it is a replacement that says why', () => {
    const { change } = changes(volume(2, { format: 'raw' }), 2);
    expect([change.action, change.requiredReplace, change.reason]).toEqual([
      'replace',
      ['format'],
      'format forces replacement',
    ]);
  });

  test('GIVEN a volume that would shrink THEN the plan fails with NSSV_VOLUME_SHRINK', () => {
    const { ctx } = changes(volume(1), 2);
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['NSSV_VOLUME_SHRINK']);
  });

  describe('a NIC put on another port group', () => {
    const vm = (nic: Attributes) =>
      desired('nssv_vm.m', { name: 'm', cluster_id: 'c', memory_mib: 512, nic: [nic] }, ['nssv_cluster.c']);
    const appliedVm = recorded('nssv_vm.m', {
      name: 'm',
      id: 'm',
      cluster_id: 'c',
      memory_mib: 512,
      host_id: 'h1',
      nic: [{ port_group_id: 'a', security_group_ids: [], mac: '52:54:00:00:00:01', ip: null }],
    });
    const replaced = (nic: Attributes) =>
      planContext({ desired: [vm(nic)], prior: stateOf([appliedVm]) }, plannedAttributes, diff).changes[0]!;

    test('GIVEN a MAC left to nssv THEN only the port group is named as forcing the replacement; the MAC is unknown until apply', () => {
      const change = replaced({ port_group_id: 'b' });
      expect([change.action, change.requiredReplace, change.reason]).toEqual([
        'replace',
        ['nic[0].port_group_id'],
        'nic[0].port_group_id forces replacement',
      ]);
      expect((change.after!.nic as { mac: unknown }[])[0]!.mac).toEqual({ $unknown: true });
    });

    test('GIVEN a MAC the configuration sets to another value THEN both are named', () => {
      const change = replaced({ port_group_id: 'b', mac: '52:54:00:00:00:02' });
      expect([change.action, change.requiredReplace]).toEqual([
        'replace',
        ['nic[0].mac', 'nic[0].port_group_id'],
      ]);
    });
  });
});
