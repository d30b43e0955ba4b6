import { addHostDependencies } from '../../../../planner/plan/transforms/addHostDependencies.js';
import { deriveHostSets } from '../../../../planner/plan/transforms/deriveHostSets.js';
import { place } from '../../../../planner/plan/transforms/place.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { resolveDependencies } from '../../../../planner/plan/transforms/resolveDependencies.js';
import { vm, world } from '../../../helpers/desired.js';
import { planContext } from '../../../helpers/planContext.js';

describe('addHostDependencies', () => {
  test('GIVEN things realised on hosts WHEN host dependencies are added THEN each waits for its hosts', () => {
    const ctx = planContext(
      { desired: [...world(), ...vm('a', 512, { host_id: 'h2' })] },
      resolveDependencies,
      plannedAttributes,
      deriveHostSets,
      place,
      addHostDependencies,
    );
    const deps = (a: string) => ctx.nodes.get(a)!.deps;
    expect(deps('nssv_vm.a')).toEqual([
      'nssv_cluster.c',
      'nssv_host.h2',
      'nssv_port_group.web',
      'nssv_volume.a-disk',
    ]);
    expect(deps('nssv_volume.a-disk')).toEqual(['nssv_host.h2', 'nssv_storage_pool.p']);
    expect(deps('nssv_storage_pool.p')).toEqual(['nssv_cluster.c', 'nssv_host.h1', 'nssv_host.h2']);
    expect(deps('nssv_host.h1')).toEqual(['nssv_cluster.c']);
  });

  test('GIVEN a host named twice, one already a dependency, and deps shared with another node WHEN added THEN each host once, in order, the shared list untouched', () => {
    const ctx = planContext({ desired: world() }, resolveDependencies, plannedAttributes);
    const pool = ctx.nodes.get('nssv_storage_pool.p')!;
    const shared = ['nssv_cluster.c', 'nssv_host.h2'];
    pool.deps = shared;
    pool.planned = { ...pool.planned!, host_ids: ['h2', 'h1', 'h2'] };
    addHostDependencies(ctx);
    expect(pool.deps).toEqual(['nssv_cluster.c', 'nssv_host.h1', 'nssv_host.h2']);
    expect(shared).toEqual(['nssv_cluster.c', 'nssv_host.h2']);
  });
});
