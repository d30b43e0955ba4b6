import { resolveDependencies } from '../../../../planner/plan/transforms/resolveDependencies.js';
import { desired } from '../../../helpers/desired.js';
import { planContext } from '../../../helpers/planContext.js';

describe('resolveDependencies', () => {
  test('GIVEN references to instances, resources, itself, nothing and one twice WHEN resolved THEN only existing targets stay, sorted', () => {
    const ctx = planContext(
      {
        desired: [
          desired('nssv_volume.d[0]', { name: 'd0' }),
          desired('nssv_volume.d[1]', { name: 'd1' }),
          desired('nssv_cluster.c', { name: 'c' }),
          desired('nssv_vm.a[0]', { name: 'a' }, [
            'nssv_volume.d',
            'nssv_cluster.c',
            'nssv_vm.a',
            'nssv_vm.a[0]',
            'nssv_port_group.gone',
            'nssv_cluster.c',
          ]),
        ],
      },
      resolveDependencies,
    );
    expect(ctx.nodes.get('nssv_vm.a[0]')!.deps).toEqual(['nssv_cluster.c', 'nssv_volume.d']);
    expect(ctx.nodes.get('nssv_volume.d[1]')!.deps).toEqual([]);
  });
});
