/** DataCenter, Cluster.addHost and DistributedSwitch.addPortGroup: addresses named after the platform names, references by id. */
import { DistributedSwitch, Duration } from '../../../constructs/index.js';
import { platform, resources } from '../support.js';

it('GIVEN a cluster with hosts and a switch with port groups WHEN synthesized THEN each is nssv_TYPE.NAME and refers by id', () => {
  const { stack, dc, cluster } = platform();
  const lan = new DistributedSwitch(stack, 'lan', { dataCenter: dc, clusters: [cluster], mtu: 9000 });
  lan.addPortGroup('web', {
    vlanId: 100,
    cidr: '10.0.1.0/24',
    dhcp: { start: '10.0.1.10', end: '10.0.1.99', leaseTime: Duration.hours(1) },
  });
  const r = resources(stack);
  expect(r['nssv_datacenter']).toEqual({ dc1: { name: 'dc1' } });
  expect(r['nssv_cluster']).toEqual({ c1: { name: 'c1', datacenter_id: '${nssv_datacenter.dc1.id}' } });
  expect(Object.keys(r['nssv_host']!)).toEqual(['h1', 'h2']);
  expect(r['nssv_host']!['h1']).toEqual({
    name: 'h1',
    cluster_id: '${nssv_cluster.c1.id}',
    endpoint: 'http://10.0.0.11:7400',
    token: 'a'.repeat(32),
  });
  expect(r['nssv_distributed_switch']).toEqual({
    lan: {
      name: 'lan',
      datacenter_id: '${nssv_datacenter.dc1.id}',
      cluster_ids: ['${nssv_cluster.c1.id}'],
      mtu: 9000,
    },
  });
  expect(r['nssv_port_group']).toEqual({
    web: {
      name: 'web',
      switch_id: '${nssv_distributed_switch.lan.id}',
      vlan_id: 100,
      cidr: '10.0.1.0/24',
      dhcp: [{ start: '10.0.1.10', end: '10.0.1.99', lease_seconds: 3600 }],
    },
  });
  expect(cluster.hosts.map((h) => h.node.id)).toEqual(['h1', 'h2']);
});
