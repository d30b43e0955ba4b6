import type { PlanContext, PlanNode } from '../../../../planner/plan/context.js';
import type { PlanStep } from '../../../../planner/plan/types.js';
import type { ResourceChange } from '../../../../planner/resourceChange.js';
import type { Attributes } from '../../../../core/values.js';
import { drainBeforeShrink } from '../../../../planner/plan/transforms/drainBeforeShrink.js';

const change = (
  address: string,
  action: ResourceChange['action'],
  before: Attributes,
  after: Attributes,
  migration?: ResourceChange['migration'],
): ResourceChange => ({
  address,
  type: address.split('.')[0]!,
  action,
  before,
  after,
  ...(migration ? { migration } : {}),
  requiredReplace: [],
  sensitivePaths: [],
});
const step = (id: string, after: string[]): PlanStep => ({
  id,
  address: id.split('#')[0]!,
  type: id.split('.')[0]!,
  kind: 'update',
  after,
  hosts: [],
});
const node = (address: string, movesWith?: string): PlanNode => ({
  address,
  type: address.split('.')[0]!,
  deps: [],
  notes: [],
  ...(movesWith ? { movesWith } : {}),
});

/**
 * GIVEN host h2 leaving the pool (its host_ids shrink) while VM m migrates h2 → `to` copying
 * volume d, with the steps as buildSteps orders them (the move after the pool's update).
 */
function context(to: string): PlanContext {
  return {
    mode: 'normal',
    nodes: new Map([
      ['nssv_vm.m', node('nssv_vm.m')],
      ['nssv_volume.d', node('nssv_volume.d', 'nssv_vm.m')],
    ]),
    hostFacts: new Map(),
    lostHosts: new Set(),
    diagnostics: [],
    changes: [
      change('nssv_storage_pool.p', 'update', { host_ids: ['h1', 'h2'] }, { host_ids: ['h1', 'h3'] }),
      change('nssv_vm.m', 'migrate', { host_id: 'h2' }, { host_id: to }, { from: 'h2', to, mode: 'live' }),
      change('nssv_volume.d', 'update', { host_id: 'h2' }, { host_id: to }),
    ],
    steps: [
      step('nssv_storage_pool.p#update', []),
      step('nssv_vm.m#update', ['nssv_storage_pool.p#update']),
      step('nssv_volume.d#update', ['nssv_storage_pool.p#update', 'nssv_vm.m#update']),
    ],
    barriers: {},
  };
}
const order = (ctx: PlanContext) => ctx.steps.map((s) => [s.id, s.after]);

describe('drainBeforeShrink', () => {
  test('GIVEN a pool leaving h2 WHEN a VM migrates from h2 to a host the pool is already on THEN the pool leaves h2 after the VM and its copied volume', () => {
    const ctx = context('h1');
    drainBeforeShrink(ctx);
    expect(order(ctx)).toEqual([
      ['nssv_storage_pool.p#update', ['nssv_vm.m#update', 'nssv_volume.d#update']],
      ['nssv_vm.m#update', []],
      ['nssv_volume.d#update', ['nssv_vm.m#update']],
    ]);
  });

  test('GIVEN the VM migrating to a host the pool only reaches by this update (h2 swapped for h3) THEN the update is staged: onto h3 before the move, off h2 after it', () => {
    const ctx = context('h3');
    drainBeforeShrink(ctx);
    expect(order(ctx)).toEqual([
      ['nssv_storage_pool.p#reach', []],
      [
        'nssv_storage_pool.p#update',
        ['nssv_storage_pool.p#reach', 'nssv_vm.m#update', 'nssv_volume.d#update'],
      ],
      ['nssv_vm.m#update', ['nssv_storage_pool.p#reach']],
      ['nssv_volume.d#update', ['nssv_storage_pool.p#reach', 'nssv_vm.m#update']],
    ]);
    expect(ctx.steps.map((s) => s.stage)).toEqual([
      { role: 'reach', hostIds: ['h1', 'h2', 'h3'] },
      { role: 'leave', hostIds: ['h1', 'h2', 'h3'] },
      undefined,
      undefined,
    ]);
  });

  test('GIVEN two VMs leaving h2, one to h1 (the pool is there) and one to h3 (it gets there) THEN one staged update; only the move to h3 waits for it', () => {
    const ctx = context('h3');
    ctx.nodes.set('nssv_vm.n', node('nssv_vm.n'));
    ctx.changes.push(
      change(
        'nssv_vm.n',
        'migrate',
        { host_id: 'h2' },
        { host_id: 'h1' },
        { from: 'h2', to: 'h1', mode: 'live' },
      ),
    );
    ctx.steps.push(step('nssv_vm.n#update', ['nssv_storage_pool.p#update']));
    drainBeforeShrink(ctx);
    expect(order(ctx)).toEqual([
      ['nssv_storage_pool.p#reach', []],
      [
        'nssv_storage_pool.p#update',
        ['nssv_storage_pool.p#reach', 'nssv_vm.m#update', 'nssv_vm.n#update', 'nssv_volume.d#update'],
      ],
      ['nssv_vm.m#update', ['nssv_storage_pool.p#reach']],
      ['nssv_volume.d#update', ['nssv_storage_pool.p#reach', 'nssv_vm.m#update']],
      ['nssv_vm.n#update', []],
    ]);
  });

  test('GIVEN the VM migrating to a host the pool is on neither before nor after THEN the order stays', () => {
    const ctx = context('h4');
    drainBeforeShrink(ctx);
    expect(order(ctx)).toEqual(order(context('h4')));
  });

  test('GIVEN no migration WHEN a pool leaves a host THEN nothing changes', () => {
    const ctx = context('h1');
    ctx.changes = ctx.changes.filter((c) => c.action !== 'migrate');
    drainBeforeShrink(ctx);
    expect(order(ctx)).toEqual(order(context('h1')));
  });
});
