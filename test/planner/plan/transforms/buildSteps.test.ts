import { buildSteps } from '../../../../planner/plan/transforms/buildSteps.js';
import { diff } from '../../../../planner/plan/transforms/diff.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { resolveDependencies } from '../../../../planner/plan/transforms/resolveDependencies.js';
import { desired } from '../../../helpers/desired.js';
import { planContext, recorded, stateOf } from '../../../helpers/planContext.js';

const steps = (ctx: ReturnType<typeof planContext>) => ctx.steps.map((s) => [s.id, s.after]);

describe('buildSteps', () => {
  test('GIVEN creates WHEN ordered THEN each waits for the creates of what it depends on', () => {
    const ctx = planContext(
      {
        desired: [
          desired('nssv_datacenter.dc', { name: 'dc' }),
          desired('nssv_cluster.c', { name: 'c', datacenter_id: 'dc' }, ['nssv_datacenter.dc']),
        ],
      },
      resolveDependencies,
      plannedAttributes,
      diff,
      buildSteps,
    );
    expect(steps(ctx)).toEqual([
      ['nssv_cluster.c#create', ['nssv_datacenter.dc#create']],
      ['nssv_datacenter.dc#create', []],
    ]);
  });

  test('GIVEN deletes WHEN ordered THEN a delete waits for the deletes of what depended on it', () => {
    const prior = stateOf([
      recorded('nssv_datacenter.dc', { name: 'dc', id: 'dc' }),
      recorded('nssv_cluster.c', { name: 'c', id: 'c', datacenter_id: 'dc' }, ['nssv_datacenter.dc']),
    ]);
    const ctx = planContext(
      { mode: 'destroy', prior },
      resolveDependencies,
      plannedAttributes,
      diff,
      buildSteps,
    );
    expect(steps(ctx)).toEqual([
      ['nssv_cluster.c#delete', []],
      ['nssv_datacenter.dc#delete', ['nssv_cluster.c#delete']],
    ]);
  });

  test('GIVEN a replacement WHEN ordered THEN it deletes first; with create_before_destroy it creates first', () => {
    const prior = stateOf([recorded('nssv_datacenter.dc', { name: 'dc', id: 'dc' })]);
    const replaced = (createBeforeDestroy: boolean) => {
      const dc = desired('nssv_datacenter.dc', { name: 'renamed' });
      dc.lifecycle.createBeforeDestroy = createBeforeDestroy;
      return steps(
        planContext({ desired: [dc], prior }, resolveDependencies, plannedAttributes, diff, buildSteps),
      );
    };
    expect(replaced(false)).toEqual([
      ['nssv_datacenter.dc#create', ['nssv_datacenter.dc#delete']],
      ['nssv_datacenter.dc#delete', []],
    ]);
    expect(replaced(true)).toEqual([
      ['nssv_datacenter.dc#create', []],
      ['nssv_datacenter.dc#delete', ['nssv_datacenter.dc#create']],
    ]);
  });

  test('GIVEN a dependency on a whole resource WHEN ordered THEN it goes through one barrier', () => {
    const ctx = planContext(
      {
        desired: [
          desired('nssv_datacenter.d[0]', { name: 'd0' }),
          desired('nssv_datacenter.d[1]', { name: 'd1' }),
          desired('nssv_cluster.c', { name: 'c', datacenter_id: 'd0' }, ['nssv_datacenter.d']),
        ],
      },
      resolveDependencies,
      plannedAttributes,
      diff,
      buildSteps,
    );
    expect(ctx.steps.find((s) => s.id === 'nssv_cluster.c#create')!.after).toEqual([
      'nssv_datacenter.d#created',
    ]);
    expect(ctx.barriers).toEqual({
      'nssv_datacenter.d#created': ['nssv_datacenter.d[0]#create', 'nssv_datacenter.d[1]#create'],
    });
  });
});
