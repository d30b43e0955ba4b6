/** SchedulingGroup.spread/together/onHosts/awayFrom: the policy, and a host group for the host rules. */
import { SchedulingGroup, Size, Vm } from '../../../constructs/index.js';
import { platform, resources } from '../support.js';

it('GIVEN the four placement rules WHEN synthesized THEN each has its policy and the host rules their host group', () => {
  const { stack, cluster, h1, h2 } = platform();
  const spread = SchedulingGroup.spread(stack, 'web', { cluster });
  SchedulingGroup.together(stack, 'pair', { cluster, mode: 'preferred' });
  const rack = SchedulingGroup.onHosts(stack, 'rack1', { cluster, hosts: [h1] });
  SchedulingGroup.awayFrom(stack, 'not-h2', { cluster, hosts: [h2] });
  new Vm(stack, 'web1', { cluster, memory: Size.mebibytes(128), schedulingGroup: spread });
  const r = resources(stack);
  const c = '${nssv_cluster.c1.id}';
  expect(r['nssv_scheduling_group']).toEqual({
    web: { name: 'web', cluster_id: c, policy: 'vm-anti-affinity' },
    pair: { name: 'pair', cluster_id: c, policy: 'vm-affinity', mode: 'preferred' },
    rack1: {
      name: 'rack1',
      cluster_id: c,
      policy: 'vm-host-affinity',
      host_group_id: '${nssv_host_group.rack1_hosts.id}',
    },
    not_h2: {
      name: 'not-h2',
      cluster_id: c,
      policy: 'vm-host-anti-affinity',
      host_group_id: '${nssv_host_group.not_h2_hosts.id}',
    },
  });
  expect(r['nssv_host_group']).toEqual({
    rack1_hosts: { name: 'rack1-hosts', cluster_id: c, host_ids: ['${nssv_host.h1.id}'] },
    not_h2_hosts: { name: 'not-h2-hosts', cluster_id: c, host_ids: ['${nssv_host.h2.id}'] },
  });
  expect(rack.hostGroup).toBeDefined();
  expect(r['nssv_vm']!['web1']!['scheduling_group_id']).toBe('${nssv_scheduling_group.web.id}');
});
