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

  test('GIVEN a pool on 50 hosts named out of order, with deps sorting before and after them WHEN added THEN one sorted list, each once; a pool whose hosts are all there keeps its own list', () => {
    const ctx = planContext({ desired: world() }, resolveDependencies, plannedAttributes);
    const names = Array.from({ length: 50 }, (_, i) => `x${String(i).padStart(2, '0')}`);
    for (const name of names)
      ctx.nodes.set(`nssv_host.${name}`, {
        address: `nssv_host.${name}`,
        type: 'nssv_host',
        deps: [],
        notes: [],
        planned: { name },
      });
    const pool = ctx.nodes.get('nssv_storage_pool.p')!;
    pool.deps = ['nssv_cluster.c', 'nssv_host.x10', 'nssv_volume.z'];
    pool.planned = { ...pool.planned!, host_ids: [...names].reverse().concat(['x10', 'x03']) };
    addHostDependencies(ctx);
    expect(pool.deps).toEqual(['nssv_cluster.c', ...names.map((n) => `nssv_host.${n}`), 'nssv_volume.z']);

    const before = pool.deps;
    addHostDependencies(ctx);
    expect(pool.deps).toBe(before);
  });
});
