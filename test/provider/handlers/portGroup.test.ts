import { portGroupHandler } from '../../../provider/handlers/portGroup.js';
import { fakeHosts, type FakeHosts } from './fakeHosts.js';

let hosts: FakeHosts;
beforeEach(async () => (hosts = await fakeHosts()));
afterEach(() => hosts.close());

const pg = (vlanId: number | null) => ({ name: 'web', switch_id: 'lan', vlan_id: vlanId, host_ids: ['h1'] });
const A = 'nssv_port_group.web';

describe('portGroupHandler', () => {
  it('GIVEN a port group WHEN created THEN it is put on its switch with its VLAN', async () => {
    await portGroupHandler.create(hosts.ctx(), A, pg(100));
    expect(hosts.h1.requests.at(-1)).toEqual({
      method: 'PUT',
      path: '/v1/switches/lan/port-groups/web',
      body: { address: A, vlanId: 100 },
    });
  });

  it('GIVEN an untagged port group changed on the host WHEN read THEN the live VLAN is reported', async () => {
    await portGroupHandler.create(hosts.ctx(), A, pg(null));
    hosts.h1.inventory.portGroups[0]!.vlanId = 7;
    expect(await portGroupHandler.read(hosts.ctx(), A, pg(null))).toEqual(pg(7));
  });

  it('GIVEN the same name on another switch WHEN read THEN it is not this port group', async () => {
    hosts.h1.inventory.portGroups.push({ switch: 'other', name: 'web', address: 'x', vlanId: null });
    expect(await portGroupHandler.read(hosts.ctx(), A, pg(null))).toBeNull();
    expect(await portGroupHandler.occupied!(hosts.ctx(), pg(null))).toEqual([]);
  });

  it('GIVEN a port group WHEN deleted THEN it is deleted from its switch', async () => {
    await portGroupHandler.delete(hosts.ctx(), A, pg(1));
    expect(hosts.h1.calls()).toEqual(['DELETE /v1/switches/lan/port-groups/web']);
  });
});
