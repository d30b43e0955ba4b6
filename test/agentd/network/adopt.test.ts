import type { Ovs, OvsBridge } from '../../../agentd/drivers/ovs.js';
import { Switches } from '../../../agentd/network/switches.js';

/** Bridges in memory; setExternalId is the only write. */
function fakeOvs(bridges: OvsBridge[]): { ovs: Ovs; writes: string[] } {
  const writes: string[] = [];
  const ovs = {
    listBridges: async () => bridges,
    getBridge: async (name: string) => bridges.find((b) => b.name === name),
    setExternalId: async (bridge: string, key: string, value: string) => {
      writes.push(`${bridge} ${key}=${value}`);
      bridges.find((b) => b.name === bridge)!.externalIds[key] = value;
    },
  } as unknown as Ovs;
  return { ovs, writes };
}

const bridge = (name: string, externalIds: Record<string, string> = {}, ports: string[] = []): OvsBridge => ({
  name,
  externalIds,
  datapathType: 'netdev',
  mtuRequest: undefined,
  ports: ports.map((p) => ({ name: p, tag: undefined })),
});

function setup(bridges: OvsBridge[]) {
  const { ovs, writes } = fakeOvs(bridges);
  const switches = new Switches(ovs, async () => [], {}, undefined, {
    localIp: '10.0.0.1',
    underlayBridge: 'br-phy',
  });
  return { switches, writes };
}

describe('Switches: adopting bridges made by hand', () => {
  it('GIVEN bridges made by hand, an nssv bridge and the underlay bridge WHEN unmanaged is read THEN only the hand-made ones with usable names are listed', async () => {
    const { switches } = setup([
      bridge('handsw'),
      bridge('withport', {}, ['eth9']),
      bridge('lan', { 'nssv-address': 'nssv_distributed_switch.lan' }),
      bridge('br-phy'),
      bridge('Br_Upper'),
    ]);
    expect(await switches.unmanaged()).toEqual([
      { name: 'handsw', mtu: 1500, ports: [] },
      { name: 'withport', mtu: 1500, ports: ['eth9'] },
    ]);
  });

  it('GIVEN a bridge made by hand WHEN adopted (twice) THEN only its nssv address is written, once', async () => {
    const { switches, writes } = setup([bridge('handsw')]);
    const first = await switches.adopt('handsw', 'nssv_distributed_switch.handsw');
    const again = await switches.adopt('handsw', 'nssv_distributed_switch.handsw');
    expect(writes).toEqual(['handsw nssv-address=nssv_distributed_switch.handsw']);
    expect(again).toEqual(first);
    expect(first).toMatchObject({
      name: 'handsw',
      address: 'nssv_distributed_switch.handsw',
      mtu: 1500,
      transport: 'vlan',
    });
  });

  it('GIVEN a bridge with ports, one managed under another address, or none WHEN adopted THEN each is refused and nothing is written', async () => {
    const { switches, writes } = setup([
      bridge('withport', {}, ['eth9']),
      bridge('lan', { 'nssv-address': 'nssv_distributed_switch.lan' }),
    ]);
    await expect(switches.adopt('withport', 'nssv_distributed_switch.w')).rejects.toThrow(
      'OVS bridge "withport" cannot be adopted: it has ports (eth9), and adopting ports is not supported yet; remove them (ovs-vsctl del-port), adopt, then declare uplinks and port groups',
    );
    await expect(switches.adopt('lan', 'nssv_distributed_switch.other')).rejects.toThrow(
      'OVS bridge "lan" is already managed by nssv as nssv_distributed_switch.lan, not nssv_distributed_switch.other',
    );
    await expect(switches.adopt('nope', 'nssv_distributed_switch.nope')).rejects.toThrow(
      'no OVS bridge "nope" on this host',
    );
    expect(writes).toEqual([]);
  });
});
