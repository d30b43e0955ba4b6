import { deriveHostSets } from '../../../../planner/plan/transforms/deriveHostSets.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { desired, world } from '../../../helpers/desired.js';
import { planContext } from '../../../helpers/planContext.js';

const planned = (ctx: ReturnType<typeof planContext>, address: string) => ctx.nodes.get(address)!.planned!;

describe('deriveHostSets', () => {
  test('GIVEN switches, pools and port groups WHEN derived THEN each records the sorted hosts of its clusters', () => {
    const ctx = planContext(
      {
        desired: [
          ...world(),
          desired('nssv_cluster.c2', { name: 'c2', datacenter_id: 'dc' }),
          desired('nssv_host.h3', {
            name: 'h3',
            cluster_id: 'c2',
            endpoint: 'http://127.0.0.1:3',
            token: 'z'.repeat(32),
          }),
          desired('nssv_distributed_switch.both', {
            name: 'both',
            datacenter_id: 'dc',
            cluster_ids: ['c2', 'c'],
          }),
          desired('nssv_port_group.db', { name: 'db', switch_id: 'both', vlan_id: 20 }),
        ],
      },
      plannedAttributes,
      deriveHostSets,
    );
    expect(planned(ctx, 'nssv_distributed_switch.sw').host_ids).toEqual(['h1', 'h2']);
    expect(planned(ctx, 'nssv_distributed_switch.both').host_ids).toEqual(['h1', 'h2', 'h3']);
    expect(planned(ctx, 'nssv_storage_pool.p').host_ids).toEqual(['h1', 'h2']);
    expect(planned(ctx, 'nssv_port_group.web').host_ids).toEqual(['h1', 'h2']);
    expect(planned(ctx, 'nssv_port_group.db').host_ids).toEqual(['h1', 'h2', 'h3']);
  });

  test('GIVEN a switch whose clusters are not known yet WHEN derived THEN its hosts and its port groups are unknown', () => {
    const ctx = planContext(
      {
        desired: [
          ...world().filter((d) => d.type !== 'nssv_distributed_switch'),
          desired('nssv_distributed_switch.sw', {
            name: 'sw',
            datacenter_id: 'dc',
            cluster_ids: [{ $unknown: true }],
          }),
        ],
      },
      plannedAttributes,
      deriveHostSets,
    );
    expect(planned(ctx, 'nssv_distributed_switch.sw').host_ids).toEqual({ $unknown: true });
    expect(planned(ctx, 'nssv_port_group.web').host_ids).toEqual({ $unknown: true });
  });
});
