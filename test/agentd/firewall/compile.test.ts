import {
  compileSwitch,
  renderFlows,
  ruleCookie,
  type FilteredPort,
} from '../../../agentd/firewall/compile.js';
import type { SecurityGroupInfo } from '../../../schemas/generated/agentApi.js';

const groups = new Map<string, SecurityGroupInfo>([
  [
    'web',
    {
      name: 'web',
      address: 'nssv_security_group.web',
      rules: [
        {
          direction: 'ingress',
          protocol: 'tcp',
          portFrom: 22,
          portTo: null,
          remote: ['10.0.0.7/32'],
          action: 'allow',
          priority: 100,
        },
        {
          direction: 'ingress',
          protocol: 'tcp',
          portFrom: 22,
          portTo: null,
          remote: null,
          action: 'deny',
          priority: 100,
        },
        {
          direction: 'ingress',
          protocol: 'icmp',
          portFrom: null,
          portTo: null,
          remote: [],
          action: 'allow',
          priority: 5,
        },
      ],
    },
  ],
]);
const port = (extra: Partial<FilteredPort> = {}): FilteredPort => ({
  ofport: 3,
  mac: '52:54:00:00:00:01',
  ip: '10.0.0.5',
  groups: ['web'],
  zone: 9,
  owner: 'nssv_vm.a nic[0]',
  ...extra,
});
const lines = (ports: FilteredPort[]) => renderFlows(compileSwitch(ports, groups)).trim().split('\n');

describe('compileSwitch', () => {
  test('GIVEN a NIC with a group THEN anti-spoofing, conntrack in its zone, its rules in priority order and default deny inbound', () => {
    const l = lines([port()]);
    expect(l).toContain(
      'table=10,priority=100,cookie=0x200000000000009,in_port=3,dl_src=52:54:00:00:00:01,ip,nw_src=10.0.0.5,actions=ct(table=11,zone=9)',
    );
    expect(l).toContain(
      'table=10,priority=100,cookie=0x200000000000009,in_port=3,dl_src=52:54:00:00:00:01,arp,arp_sha=52:54:00:00:00:01,arp_spa=10.0.0.5,actions=resubmit(,20)',
    );
    expect(l).toContain('table=10,priority=1,cookie=0x200000000000009,in_port=3,actions=drop');
    // No egress rule: every new outgoing connection is allowed and committed.
    expect(l).toContain(
      'table=11,priority=1,cookie=0x200000000000009,in_port=3,ct_state=+new+trk,ip,actions=ct(commit,zone=9),resubmit(,20)',
    );
    const allow = `table=21,priority=9600,cookie=0x${ruleCookie('web', 0).toString(16)},dl_dst=52:54:00:00:00:01,ct_state=+new+trk,tcp,nw_src=10.0.0.7/32,tp_dst=22,actions=ct(commit,zone=9),NORMAL`;
    const deny = `table=21,priority=9601,cookie=0x${ruleCookie('web', 1).toString(16)},dl_dst=52:54:00:00:00:01,ct_state=+new+trk,tcp,tp_dst=22,actions=drop`;
    expect(l).toContain(allow);
    // Same priority: deny is checked first.
    expect(l).toContain(deny);
    // An empty peer group matches nothing: no flow for rule 2.
    expect(l.some((x) => x.includes(`cookie=0x${ruleCookie('web', 2).toString(16)}`))).toBe(false);
    expect(l).toContain('table=21,priority=1,cookie=0x200000000000009,dl_dst=52:54:00:00:00:01,actions=drop');
  });

  test('GIVEN a NIC with an address but no group THEN only anti-spoofing, no conntrack', () => {
    const l = lines([port({ groups: [] })]);
    expect(l).toContain(
      'table=10,priority=100,cookie=0x200000000000009,in_port=3,dl_src=52:54:00:00:00:01,ip,nw_src=10.0.0.5,actions=resubmit(,20)',
    );
    expect(l.some((x) => x.startsWith('table=11') || x.startsWith('table=21'))).toBe(false);
  });

  test('GIVEN the same ports in another order THEN the same flows', () => {
    const a = port();
    const b = port({ ofport: 4, mac: '52:54:00:00:00:02', ip: '10.0.0.6', zone: 10 });
    expect(lines([b, a])).toEqual(lines([a, b]));
  });
});
