import { validateInstances } from '../../../planner/validate/validateInstances.js';
import { unknownValue } from '../../../core/values.js';
import { at, instance } from './instance.js';

const cluster = instance('nssv_cluster.c', { name: 'c', datacenter_id: 'd' });
const host = (n: string, labels: Record<string, string> = {}) =>
  instance(`nssv_host.${n}`, {
    name: n,
    cluster_id: 'c',
    endpoint: 'http://a:1',
    token: 'x'.repeat(16),
    labels,
  });
const vlanSwitch = instance('nssv_distributed_switch.v', {
  name: 'v',
  datacenter_id: 'd',
  cluster_ids: ['c'],
});
const vxlanSwitch = instance('nssv_distributed_switch.x', {
  name: 'x',
  datacenter_id: 'd',
  cluster_ids: ['c'],
  transport: 'vxlan',
});
const text = (d: { code: string; summary: string; detail?: string }) =>
  `${d.code} ${d.summary} ${d.detail ?? ''}`;

describe('cross-field rules', () => {
  it('GIVEN an rbd pool with neither replicas nor erasure_code WHEN validated THEN NSSV_RULE_POOL_REDUNDANCY at the block', () => {
    const d = validateInstances([
      cluster,
      instance('nssv_storage_pool.p', { name: 'p', kind: 'rbd', cluster_id: 'c' }, { range: at(3, 1) }),
    ]);
    expect(d).toEqual([
      {
        severity: 'error',
        code: 'NSSV_RULE_POOL_REDUNDANCY',
        address: 'nssv_storage_pool.p',
        summary:
          'nssv_storage_pool.p: one of replicas or erasure_code is required when kind = "rbd", but neither is set.',
        detail:
          'Rule: an rbd pool is protected by either replicas (2–6 copies) or an erasure_code { k, m } block, not both. ' +
          'Fix: set exactly one of replicas and erasure_code.',
        range: at(3, 1),
      },
    ]);
  });

  it('GIVEN an rbd pool with both WHEN validated THEN one diagnostic names both', () => {
    const d = validateInstances([
      cluster,
      instance('nssv_storage_pool.p', {
        name: 'p',
        kind: 'rbd',
        cluster_id: 'c',
        replicas: 3,
        erasure_code: [{ k: 4, m: 2 }],
      }),
    ]);
    expect(d.map(text)).toEqual([
      'NSSV_RULE_POOL_REDUNDANCY nssv_storage_pool.p: replicas and erasure_code are both set, but only one is allowed when kind = "rbd". ' +
        'Rule: an rbd pool is protected by either replicas (2–6 copies) or an erasure_code { k, m } block, not both. Fix: remove one of them.',
    ]);
  });

  it('GIVEN a dir pool with rbd-only settings WHEN validated THEN each is reported, and defaults written out are accepted', () => {
    const d = validateInstances([
      instance('nssv_storage_pool.p', {
        name: 'p',
        kind: 'dir',
        cluster_id: 'c',
        replicas: 2,
        failure_domain: 'host',
        recovery_qos: 'fast',
      }),
    ]);
    expect(d.map((x) => `${x.code} ${x.attribute}`)).toEqual([
      'NSSV_RULE_POOL_RBD_ONLY replicas',
      'NSSV_RULE_POOL_RBD_ONLY recovery_qos',
    ]);
  });

  it('GIVEN a rack failure domain WHEN a host of the cluster has no rack label THEN NSSV_RULE_FAILURE_DOMAIN_LABEL names it', () => {
    const d = validateInstances([
      cluster,
      host('h1', { rack: 'r1' }),
      host('h2'),
      instance('nssv_storage_pool.p', {
        name: 'p',
        kind: 'rbd',
        cluster_id: 'c',
        replicas: 3,
        failure_domain: 'rack',
      }),
    ]);
    expect(d.map((x) => x.summary)).toEqual([
      'nssv_storage_pool.p: failure_domain = "rack" needs every host of nssv_cluster.c labelled "rack", but nssv_host.h2 has no such label.',
    ]);
  });

  it('GIVEN port groups WHEN vlan_id/vni do not match the switch transport THEN NSSV_RULE_PORT_GROUP_TRANSPORT', () => {
    const d = validateInstances([
      vlanSwitch,
      vxlanSwitch,
      instance('nssv_port_group.a', { name: 'a', switch_id: 'v', vni: 100 }),
      instance('nssv_port_group.b', { name: 'b', switch_id: 'x', vlan_id: 10 }),
      instance('nssv_port_group.ok', { name: 'ok', switch_id: 'x', vni: 100 }),
    ]);
    expect(d.map((x) => x.summary)).toEqual([
      'nssv_port_group.a: vni = 100 is not allowed when its switch nssv_distributed_switch.v has transport = "vlan".',
      'nssv_port_group.b: vni is required when its switch nssv_distributed_switch.x has transport = "vxlan".',
      'nssv_port_group.b: vlan_id = 10 is not allowed when its switch nssv_distributed_switch.x has transport = "vxlan".',
    ]);
  });

  it('GIVEN a switch reference that is unknown or outside the configuration WHEN validated THEN transport rules do not apply', () => {
    const d = validateInstances([
      instance('nssv_port_group.a', { name: 'a', switch_id: 'elsewhere', vni: 100 }),
      instance('nssv_port_group.b', { name: 'b', switch_id: unknownValue, vni: 100 } as never),
    ]);
    expect(d).toEqual([]);
  });

  it('GIVEN a CIDR with host bits WHEN validated THEN suggests the network address', () => {
    const [d] = validateInstances([
      vlanSwitch,
      instance('nssv_port_group.a', { name: 'a', switch_id: 'v', cidr: '10.0.0.1/24' }),
    ]);
    expect(`${d?.summary} ${d?.detail}`).toBe(
      'nssv_port_group.a: cidr = "10.0.0.1/24" is not a network address: host bits are set. ' +
        'Rule: cidr is an IPv4 network address with a prefix length 0–32 and no host bits set. ' +
        'Fix: did you mean "10.0.0.0/24"? Set cidr = "10.0.0.0/24".',
    );
  });

  it('GIVEN gateway and DHCP range WHEN outside the CIDR, reversed or overlapping THEN all are reported', () => {
    const d = validateInstances([
      vlanSwitch,
      instance('nssv_port_group.a', {
        name: 'a',
        switch_id: 'v',
        cidr: '10.0.0.0/24',
        gateway: '10.0.0.0',
        dhcp: [{ start: '10.0.0.200', end: '10.0.1.10' }],
      }),
      instance('nssv_port_group.b', {
        name: 'b',
        switch_id: 'v',
        cidr: '10.0.0.0/24',
        gateway: '10.0.0.150',
        dhcp: [{ start: '10.0.0.200', end: '10.0.0.100' }],
      }),
    ]);
    expect(d.map((x) => x.summary)).toEqual([
      'nssv_port_group.a: gateway = "10.0.0.0" is the network address of cidr = "10.0.0.0/24".',
      'nssv_port_group.a: dhcp[0].end = "10.0.1.10" is outside cidr = "10.0.0.0/24".',
      'nssv_port_group.b: dhcp[0].start = "10.0.0.200" is after dhcp[0].end = "10.0.0.100".',
    ]);
  });

  it('GIVEN a gateway inside the DHCP range WHEN validated THEN NSSV_RULE_GATEWAY_IN_DHCP_RANGE', () => {
    const [d] = validateInstances([
      vlanSwitch,
      instance('nssv_port_group.a', {
        name: 'a',
        switch_id: 'v',
        cidr: '10.0.0.0/24',
        gateway: '10.0.0.150',
        dhcp: [{ start: '10.0.0.100', end: '10.0.0.200' }],
      }),
    ]);
    expect(d?.code).toBe('NSSV_RULE_GATEWAY_IN_DHCP_RANGE');
  });

  it('GIVEN a VM NIC ip outside its port group CIDR WHEN validated THEN NSSV_RULE_OUTSIDE_CIDR names the port group', () => {
    const [d] = validateInstances([
      vlanSwitch,
      instance('nssv_port_group.a', { name: 'a', switch_id: 'v', cidr: '10.0.0.0/24' }),
      instance('nssv_vm.w', { name: 'w', cluster_id: 'c', nic: [{ port_group_id: 'a', ip: '10.1.0.5' }] }),
    ]);
    expect(d?.summary).toBe(
      'nssv_vm.w: nic[0].ip = "10.1.0.5" is outside nssv_port_group.a.cidr = "10.0.0.0/24".',
    );
    expect(d?.detail).toBe(
      "Rule: a NIC's fixed ip lies inside the cidr of its port group. " +
        'Fix: set nic[0].ip to an address from 10.0.0.1 to 10.0.0.254, or change nssv_port_group.a.cidr.',
    );
  });

  it('GIVEN VM–host and VM–VM scheduling policies WHEN the host group is missing or superfluous THEN NSSV_RULE_SCHEDULING_HOST_GROUP', () => {
    const d = validateInstances([
      instance('nssv_scheduling_group.a', { name: 'a', cluster_id: 'c', policy: 'vm-host-anti-affinity' }),
      instance('nssv_scheduling_group.b', {
        name: 'b',
        cluster_id: 'c',
        policy: 'vm-anti-affinity',
        host_group_id: 'g',
      }),
      instance('nssv_scheduling_group.c', {
        name: 'c',
        cluster_id: 'c',
        policy: 'vm-host-affinity',
        host_group_id: 'g',
      }),
    ]);
    expect(d.map((x) => x.summary)).toEqual([
      'nssv_scheduling_group.a: host_group_id is required when policy = "vm-host-anti-affinity".',
      'nssv_scheduling_group.b: host_group_id = "g" is not allowed when policy = "vm-anti-affinity".',
    ]);
  });

  it('GIVEN a qcow2 volume in an rbd pool WHEN validated THEN the rule names the pool and the fix; without format it is raw (plan fills it in)', () => {
    const d = validateInstances([
      instance('nssv_storage_pool.p', { name: 'p', kind: 'rbd', cluster_id: 'c', replicas: 3 }),
      instance('nssv_volume.v', { name: 'v', pool_id: 'p', size_gib: 1, format: 'qcow2' }),
      instance('nssv_volume.w', { name: 'w', pool_id: 'p', size_gib: 1, format: 'raw' }),
      instance('nssv_volume.x', { name: 'x', pool_id: 'p', size_gib: 1 }),
    ]);
    expect(d.map((x) => [x.code, x.summary, x.detail])).toEqual([
      [
        'NSSV_RULE_VOLUME_RBD_FORMAT',
        'nssv_volume.v: format = "qcow2" is not allowed when its pool nssv_storage_pool.p has kind = "rbd"; allowed: "raw".',
        'Rule: a volume in an rbd pool is an RBD image, a raw block device (format = "raw"; snapshots and clones are Ceph\'s). Fix: set format = "raw".',
      ],
    ]);
  });

  it('GIVEN a rapid clone of an image in an rbd pool WHEN validated THEN NSSV_RULE_VOLUME_RBD_CLONE_MODE names linked and full; rapid stays allowed in a dir pool and without a source', () => {
    const d = validateInstances([
      instance('nssv_storage_pool.p', { name: 'p', kind: 'rbd', cluster_id: 'c', replicas: 3 }),
      instance('nssv_storage_pool.d', { name: 'd', kind: 'dir', cluster_id: 'c' }),
      instance('nssv_volume.v', {
        name: 'v',
        pool_id: 'p',
        size_gib: 1,
        source_image_id: 'img',
        clone_mode: 'rapid',
      }),
      instance('nssv_volume.w', { name: 'w', pool_id: 'p', size_gib: 1, source_image_id: 'img' }),
      instance('nssv_volume.x', { name: 'x', pool_id: 'p', size_gib: 1, clone_mode: 'rapid' }),
      instance('nssv_volume.y', {
        name: 'y',
        pool_id: 'd',
        size_gib: 1,
        source_image_id: 'img',
        clone_mode: 'rapid',
      }),
    ]);
    expect(d.map((x) => [x.code, x.summary, x.detail])).toEqual([
      [
        'NSSV_RULE_VOLUME_RBD_CLONE_MODE',
        'nssv_volume.v: clone_mode = "rapid" is not allowed when its pool nssv_storage_pool.p has kind = "rbd" and source_image_id is set; allowed: "linked", "full".',
        'Rule: a volume of an rbd pool made from an image is an rbd clone of the image (linked) or a flattened one (full); rapid (flattened in the background) is for dir pools. Fix: set clone_mode = "linked".',
      ],
    ]);
  });

  it('GIVEN 33 snapshots of a volume in an rbd pool WHEN validated THEN the chain limit is reported once', () => {
    const d = validateInstances([
      instance('nssv_storage_pool.p', { name: 'p', kind: 'rbd', cluster_id: 'c', replicas: 3 }),
      instance('nssv_volume.v', { name: 'v', pool_id: 'p', size_gib: 1, format: 'raw' }),
      ...Array.from({ length: 33 }, (_, i) =>
        instance(`nssv_volume_snapshot.s[${i}]`, { name: `s${i}`, volume_id: 'v' }),
      ),
    ]);
    expect(d.map((x) => [x.code, x.address, x.summary])).toEqual([
      [
        'NSSV_RULE_SNAPSHOT_CHAIN',
        'nssv_volume_snapshot.s[32]',
        'nssv_volume.v has 33 snapshots in this configuration, but at most 32 are allowed (nssv_storage_pool.p has kind = "rbd").',
      ],
    ]);
  });

  it('GIVEN 128 snapshots of a volume in a dir pool WHEN validated THEN that is within the limit', () => {
    const d = validateInstances([
      instance('nssv_storage_pool.p', { name: 'p', kind: 'dir', cluster_id: 'c' }),
      instance('nssv_volume.v', { name: 'v', pool_id: 'p', size_gib: 1 }),
      ...Array.from({ length: 128 }, (_, i) =>
        instance(`nssv_volume_snapshot.s[${i}]`, { name: `s${i}`, volume_id: 'v' }),
      ),
    ]);
    expect(d).toEqual([]);
  });

  it('GIVEN security group rules WHEN remote, ports and CIDR are inconsistent THEN each rule item is reported', () => {
    const d = validateInstances([
      instance('nssv_security_group.g', {
        name: 'g',
        datacenter_id: 'd',
        rule: [
          {
            direction: 'ingress',
            protocol: 'icmp',
            port_from: 22,
            cidr: '10.0.0.0/8',
            peer_security_group_id: 'x',
          },
          { direction: 'ingress', protocol: 'tcp', port_from: 100, port_to: 20, cidr: '10.0.0.0/33' },
        ],
      }),
    ]);
    expect(d.map((x) => `${x.code} ${x.attribute}`)).toEqual([
      'NSSV_RULE_SECURITY_GROUP_REMOTE rule[0].peer_security_group_id',
      'NSSV_RULE_SECURITY_GROUP_PORTS rule[0].port_from',
      'NSSV_RULE_ORDER rule[1].port_from',
      'NSSV_RULE_CIDR rule[1].cidr',
    ]);
  });

  it('GIVEN balance-tcp with one uplink and no LACP WHEN validated THEN both bond rules are reported', () => {
    const d = validateInstances([
      instance('nssv_distributed_switch.s', {
        name: 's',
        datacenter_id: 'd',
        cluster_ids: ['c'],
        bond_mode: 'balance-tcp',
        uplinks: ['eth1'],
      }),
    ]);
    expect(d.map((x) => x.summary)).toEqual([
      'nssv_distributed_switch.s: a lacp block is required when bond_mode = "balance-tcp".',
      'nssv_distributed_switch.s: uplinks has 1 item, but at least 2 are needed when bond_mode = "balance-tcp".',
    ]);
  });

  it('GIVEN an image downloaded over https without sha256 WHEN validated THEN NSSV_RULE_IMAGE_CHECKSUM', () => {
    const [d] = validateInstances([
      instance('nssv_image.i', { name: 'i', image_storage_id: 's', source: 'https://example.com/d.qcow2' }),
    ]);
    expect(d?.code).toBe('NSSV_RULE_IMAGE_CHECKSUM');
  });
});
