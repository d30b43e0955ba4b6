import { deletePolicy } from '../../../../planner/plan/transforms/deletePolicy.js';
import { diff } from '../../../../planner/plan/transforms/diff.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { desired } from '../../../helpers/desired.js';
import { planContext, recorded, stateOf } from '../../../helpers/planContext.js';

const applied = (policy: string) =>
  stateOf([
    recorded('nssv_volume.v', {
      name: 'v',
      id: 'v',
      pool_id: 'p',
      size_gib: 1,
      format: 'qcow2',
      host_id: 'h1',
      delete_policy: policy,
    }),
  ]);

describe('deletePolicy', () => {
  test('GIVEN an applied delete_policy "never" WHEN the volume leaves the configuration THEN the plan fails naming the fix', () => {
    const ctx = planContext({ desired: [], prior: applied('never') }, plannedAttributes, diff, deletePolicy);
    expect(ctx.diagnostics.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_DELETE_POLICY_NEVER',
        'nssv_volume.v has delete_policy = "never", but this plan would delete it',
        'Fix: set delete_policy = "delayed" (kept in the trash, restorable) or "immediate" on nssv_volume.v and apply that first; or stop managing it, keeping its data, with `nssv state rm nssv_volume.v`.',
      ],
    ]);
  });

  test('GIVEN "never" WHEN a force-new change would replace it THEN the plan fails saying what forces it', () => {
    const v = desired('nssv_volume.v', {
      name: 'v',
      pool_id: 'p',
      size_gib: 1,
      host_id: 'h2',
      delete_policy: 'never',
    });
    const ctx = planContext({ desired: [v], prior: applied('never') }, plannedAttributes, diff, deletePolicy);
    expect(ctx.diagnostics.map((d) => d.summary)).toEqual([
      'nssv_volume.v has delete_policy = "never", but this plan would replace (host_id forces replacement) it',
    ]);
  });

  test('GIVEN a VM with an applied delete_policy "never" WHEN it leaves the configuration THEN the plan fails; the fix names the policies VMs support', () => {
    const prior = stateOf([
      recorded('nssv_vm.web', {
        name: 'web',
        id: 'web',
        host_id: 'h1',
        memory_mib: 64,
        delete_policy: 'never',
      }),
    ]);
    const ctx = planContext({ desired: [], prior }, plannedAttributes, diff, deletePolicy);
    expect(ctx.diagnostics.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_DELETE_POLICY_NEVER',
        'nssv_vm.web has delete_policy = "never", but this plan would delete it',
        'Fix: set delete_policy = "delayed" (kept in the trash, restorable) or "immediate" on nssv_vm.web and apply that first; or stop managing it, keeping its data, with `nssv state rm nssv_vm.web`.',
      ],
    ]);
  });

  test('GIVEN an image with an applied delete_policy "never" WHEN it leaves the configuration THEN the plan fails; the fix names "delayed" and "immediate"', () => {
    const prior = stateOf([
      recorded('nssv_image.debian', {
        name: 'debian',
        id: 'debian',
        image_storage_id: 'images',
        source: '/srv/debian.qcow2',
        format: 'qcow2',
        host_ids: ['h1'],
        delete_policy: 'never',
      }),
    ]);
    const ctx = planContext({ desired: [], prior }, plannedAttributes, diff, deletePolicy);
    expect(ctx.diagnostics.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_DELETE_POLICY_NEVER',
        'nssv_image.debian has delete_policy = "never", but this plan would delete it',
        'Fix: set delete_policy = "delayed" (kept in the trash, restorable) or "immediate" on nssv_image.debian and apply that first; or stop managing it, keeping its data, with `nssv state rm nssv_image.debian`.',
      ],
    ]);
  });

  test('GIVEN "delayed" or "immediate" WHEN deleted THEN nothing is reported', () => {
    for (const policy of ['delayed', 'immediate']) {
      const ctx = planContext({ desired: [], prior: applied(policy) }, plannedAttributes, diff, deletePolicy);
      expect([ctx.changes[0]!.action, ctx.diagnostics]).toEqual(['delete', []]);
    }
  });
});
