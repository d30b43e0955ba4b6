import {
  cloudInitSeedOf,
  guestNetworkOf,
  wantsSeed,
} from '../../../../planner/plan/transforms/deriveGuestNetwork.js';
import { unknownValue, type Attributes } from '../../../../core/values.js';

const portGroups = new Map<string, Attributes>([
  [
    'web',
    { id: 'web', cidr: '10.0.0.0/24', gateway: '10.0.0.1', dns_servers: ['10.0.0.2'], dns_domain: 'lab' },
  ],
  ['bare', { id: 'bare', cidr: null, gateway: null, dns_servers: [], dns_domain: null }],
]);

const vm = (over: Attributes = {}): Attributes => ({
  name: 'web1',
  user_data: null,
  ssh_authorized_keys: [],
  nic: [],
  ...over,
});

describe('deriveGuestNetwork', () => {
  test('GIVEN no user data, no keys and no NIC ip THEN no seed: guest_network [] and cloud_init_seed null', () => {
    const v = vm({ nic: [{ port_group_id: 'web', ip: null }] });
    expect(wantsSeed(v)).toBe(false);
    expect(guestNetworkOf(v, portGroups)).toEqual([]);
    expect(cloudInitSeedOf(v)).toBeNull();
  });

  test('GIVEN a fixed ip on a port group with a cidr and one NIC without ip THEN the first gets the address, gateway and DNS, the second DHCP', () => {
    const v = vm({
      nic: [
        { port_group_id: 'web', ip: '10.0.0.5' },
        { port_group_id: 'bare', ip: null },
      ],
    });
    expect(wantsSeed(v)).toBe(true);
    expect(cloudInitSeedOf(v)).toBe('intact');
    expect(guestNetworkOf(v, portGroups)).toEqual([
      { address: '10.0.0.5/24', gateway: '10.0.0.1', dns_servers: ['10.0.0.2'], dns_domain: 'lab' },
      { address: null, gateway: null, dns_servers: [], dns_domain: null },
    ]);
  });

  test('GIVEN user data only THEN a seed whose NICs use DHCP', () => {
    const v = vm({ user_data: '#cloud-config\n', nic: [{ port_group_id: 'web', ip: null }] });
    expect(cloudInitSeedOf(v)).toBe('intact');
    expect(guestNetworkOf(v, portGroups)).toEqual([
      { address: null, gateway: null, dns_servers: ['10.0.0.2'], dns_domain: 'lab' },
    ]);
  });

  test('GIVEN an ip still unknown THEN its entry is unknown; GIVEN unknown NICs THEN the whole list is', () => {
    expect(guestNetworkOf(vm({ nic: [{ port_group_id: 'web', ip: unknownValue }] }), portGroups)).toEqual([
      unknownValue,
    ]);
    expect(guestNetworkOf(vm({ user_data: 'x', nic: unknownValue }), portGroups)).toEqual(unknownValue);
  });
});
