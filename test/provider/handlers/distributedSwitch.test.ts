import { distributedSwitchHandler } from '../../../provider/handlers/distributedSwitch.js';
import { fakeHosts, type FakeHosts } from './fakeHosts.js';

let hosts: FakeHosts;
beforeEach(async () => (hosts = await fakeHosts()));
afterEach(() => hosts.close());

const sw = (mtu: number, hostIds = ['h1']) => ({
  name: 'lan',
  datacenter_id: 'dc',
  cluster_ids: ['c'],
  mtu,
  transport: 'vlan',
  vxlan_port: 4789,
  uplinks: [],
  bond_mode: 'active-backup',
  lacp: [],
  host_ids: hostIds,
});
const A = 'nssv_distributed_switch.lan';

describe('distributedSwitchHandler', () => {
  it('GIVEN a switch WHEN created THEN the bridge is put with its MTU', async () => {
    await distributedSwitchHandler.create(hosts.ctx(), A, sw(1500));
    expect(hosts.h1.requests.at(-1)).toEqual({
      method: 'PUT',
      path: '/v1/switches/lan',
      body: { address: A, mtu: 1500, uplinks: [], bondMode: 'active-backup', lacp: null },
    });
  });

  it('GIVEN the MTU changed on the host WHEN read THEN the live MTU is reported (drift)', async () => {
    await distributedSwitchHandler.create(hosts.ctx(), A, sw(1500));
    hosts.h1.inventory.switches[0]!.mtu = 9000;
    expect(await distributedSwitchHandler.read(hosts.ctx(), A, sw(1500))).toEqual(sw(9000));
  });

  it('GIVEN a bridge of that name WHEN checked before create THEN it is described', async () => {
    await distributedSwitchHandler.create(hosts.ctx(), 'nssv_distributed_switch.x', sw(1500));
    expect(await distributedSwitchHandler.occupied!(hosts.ctx(), sw(1500))).toEqual([
      'bridge "lan" on h1, managed as nssv_distributed_switch.x',
    ]);
  });

  it('GIVEN a switch on two hosts WHEN the second host refuses it THEN the first host is cleaned and the error goes on', async () => {
    hosts.h2.override = (method) =>
      method === 'PUT'
        ? { status: 500, body: JSON.stringify({ error: { code: 'internal', message: 'ovs-vsctl failed' } }) }
        : undefined;
    await expect(distributedSwitchHandler.create(hosts.ctx(), A, sw(1500, ['h1', 'h2']))).rejects.toThrow(
      'host h2: ovs-vsctl failed',
    );
    expect([...hosts.h1.calls(), ...hosts.h2.calls()]).toEqual([
      'PUT /v1/switches/lan',
      'DELETE /v1/switches/lan',
      'PUT /v1/switches/lan',
    ]);
    expect(hosts.h1.inventory.switches).toEqual([]);
  });

  it('GIVEN a switch WHEN deleted THEN the bridge is deleted', async () => {
    await distributedSwitchHandler.delete(hosts.ctx(), A, sw(1500, ['h1', 'h2']));
    // Each host's port groups of the switch would go first (none here), then the bridge.
    expect([...hosts.h1.calls(), ...hosts.h2.calls()]).toEqual([
      'DELETE /v1/switches/lan',
      'DELETE /v1/switches/lan',
    ]);
  });
});
