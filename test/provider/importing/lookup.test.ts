import { lookupInInventories, type KnownHost } from '../../../provider/importing/lookup.js';
import type { Inventory, SecurityRuleSpec } from '../../../schemas/generated/agentApi.js';

const inv = (groups: Inventory['securityGroups']): Inventory => ({
  host: { name: 'h', agentVersion: 't', domainType: 'qemu', cpus: 1, memoryMiB: 512, tunnelIp: null },
  pools: [],
  rbdPools: [],
  volumes: [],
  snapshots: [],
  switches: [],
  portGroups: [],
  domains: [],
  tunnels: [],
  securityGroups: groups,
  firewall: { inSync: true, ports: [], flows: [] },
  imageStores: [],
  images: [],
});

const hosts = new Map<string, KnownHost>(
  ['h1', 'h2'].map((h) => [
    h,
    { host: h, cluster: 'c', endpoint: `http://${h}:7400`, token: 't'.repeat(16) },
  ]),
);
const rule = (over: Partial<SecurityRuleSpec> = {}): SecurityRuleSpec => ({
  direction: 'ingress',
  protocol: 'tcp',
  portFrom: 22,
  portTo: null,
  remote: ['10.0.0.0/8'],
  action: 'allow',
  priority: 100,
  ...over,
});
const group = (rules: SecurityRuleSpec[]) => [{ name: 'web', address: 'nssv_security_group.web', rules }];

describe('lookupInInventories: security groups', () => {
  it('GIVEN a group recorded alike on two hosts THEN its rules in configuration terms, on both hosts', () => {
    const invs = new Map([
      ['h1', inv(group([rule(), rule({ protocol: 'icmp', portFrom: null, remote: null, action: 'deny' })]))],
      ['h2', inv(group([rule(), rule({ protocol: 'icmp', portFrom: null, remote: null, action: 'deny' })]))],
    ]);
    expect(lookupInInventories(hosts, 'nssv_security_group', 'web', invs, 'the hosts')).toEqual({
      reported: {
        name: 'web',
        host_ids: ['h1', 'h2'],
        peer_addresses: {},
        rule: [
          {
            direction: 'ingress',
            protocol: 'tcp',
            port_from: 22,
            port_to: null,
            cidr: '10.0.0.0/8',
            peer_security_group_id: null,
            action: 'allow',
            priority: 100,
          },
          {
            direction: 'ingress',
            protocol: 'icmp',
            port_from: null,
            port_to: null,
            cidr: null,
            peer_security_group_id: null,
            action: 'deny',
            priority: 100,
          },
        ],
      },
    });
  });

  it('GIVEN hosts that recorded other rules THEN refused, naming them', () => {
    const invs = new Map([
      ['h1', inv(group([rule()]))],
      ['h2', inv(group([rule({ portFrom: 23 })]))],
    ]);
    expect(lookupInInventories(hosts, 'nssv_security_group', 'web', invs, 'the hosts')).toEqual({
      problem:
        'the security group "web" is recorded with other rules on h2 than on h1; apply it from the configuration that manages it first',
    });
  });

  it('GIVEN a rule over a peer group (several addresses) THEN refused with the reason', () => {
    const invs = new Map([['h1', inv(group([rule(), rule({ remote: ['10.0.0.1/32', '10.0.0.2/32'] })]))]]);
    expect(lookupInInventories(hosts, 'nssv_security_group', 'web', invs, 'the hosts')).toEqual({
      problem:
        'rule 2 of the security group "web" matches the addresses of a peer security group\'s members; importing such a group is not supported yet (the agents record the addresses, not the peer group)',
    });
  });

  it('GIVEN no host with the group THEN not found', () => {
    expect(
      lookupInInventories(hosts, 'nssv_security_group', 'db', new Map([['h1', inv([])]]), 'the hosts'),
    ).toEqual({ problem: 'no host has a security group "db" recorded' });
  });
});

describe('lookupInInventories: rbd volumes', () => {
  const withRbd = (pool: string): Inventory => ({
    ...inv([]),
    rbdPools: [{ name: pool } as Inventory['rbdPools'][number]],
    volumes: [{ name: 'data', pool, sizeGiB: 2, format: 'raw' } as Inventory['volumes'][number]],
  });

  it('GIVEN one RBD image every host reports THEN one volume, managed by the first host', () => {
    const invs = new Map([
      ['h2', withRbd('ceph')],
      ['h1', withRbd('ceph')],
    ]);
    expect(lookupInInventories(hosts, 'nssv_volume', 'data', invs, 'the hosts')).toEqual({
      reported: { name: 'data', pool_id: 'ceph', host_id: 'h1', size_gib: 2, format: 'raw' },
    });
  });

  it('GIVEN the name in two rbd pools THEN refused, naming them', () => {
    const invs = new Map([
      ['h1', withRbd('a')],
      ['h2', withRbd('b')],
    ]);
    expect(lookupInInventories(hosts, 'nssv_volume', 'data', invs, 'the hosts')).toEqual({
      problem: 'rbd volumes "data" are in the pools a, b: rename one of them',
    });
  });
});
