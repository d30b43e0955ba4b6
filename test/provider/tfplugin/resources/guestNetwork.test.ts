import { unknownValue } from '../../../../core/values.js';
import { planGuestNetwork } from '../../../../provider/tfplugin/resources/guestNetwork.js';
import { Session } from '../../../../provider/tfplugin/session.js';

const vm = (nic: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  ({ name: 'web1', nic, user_data: null, ssh_authorized_keys: [], ...extra }) as never;

describe('planGuestNetwork', () => {
  it('GIVEN a NIC without a configured ip and no prior THEN its ip is null and the VM gets no seed', () => {
    const s = new Session();
    const planned = planGuestNetwork(
      s,
      vm([{ port_group_id: 'web', ip: unknownValue }]),
      null,
      vm([{ port_group_id: 'web', ip: null }]),
    );
    expect(planned.nic).toEqual([{ port_group_id: 'web', ip: null }]);
    expect(planned.guest_network).toEqual([]);
  });

  it('GIVEN a prior ip THEN it is kept; GIVEN an ip the config leaves unknown THEN it stays unknown', () => {
    const s = new Session();
    const kept = planGuestNetwork(
      s,
      vm([{ port_group_id: 'web', ip: unknownValue }]),
      vm([{ port_group_id: 'web', ip: '10.0.0.9' }]),
      vm([{ port_group_id: 'web', ip: null }]),
    );
    expect((kept.nic as { ip: unknown }[])[0]!.ip).toBe('10.0.0.9');
    const open = planGuestNetwork(
      s,
      vm([{ port_group_id: 'web', ip: unknownValue }]),
      null,
      vm([{ port_group_id: 'web', ip: unknownValue }]),
    );
    expect((open.nic as { ip: unknown }[])[0]!.ip).toBe(unknownValue);
  });

  it('GIVEN a configured ip and the port group planned before THEN guest_network has its prefix, gateway and DNS', () => {
    const s = new Session();
    s.remember('nssv_port_group', {
      name: 'web',
      id: 'web',
      cidr: '10.0.0.0/24',
      gateway: '10.0.0.1',
      dns_servers: ['10.0.0.2'],
      dns_domain: 'lan',
    });
    const nic = [{ port_group_id: 'web', ip: '10.0.0.5' }];
    const planned = planGuestNetwork(s, vm(nic), null, vm(nic));
    expect(planned.guest_network).toEqual([
      { address: '10.0.0.5/24', gateway: '10.0.0.1', dns_servers: ['10.0.0.2'], dns_domain: 'lan' },
    ]);
  });
});
