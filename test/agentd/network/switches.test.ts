import type { Ovs, OvsBridge } from '../../../agentd/drivers/ovs.js';
import type { OvsPortRow, OvsPorts } from '../../../agentd/drivers/ovs-ports.js';
import { Switches } from '../../../agentd/network/switches.js';
import type { LiveNic } from '../../../agentd/network/vmPorts.js';
import type { Exec } from '../../../agentd/util/exec.js';
import { inReadScope, scopedExec } from '../../../agentd/util/readScope.js';

const lan: OvsBridge = {
  name: 'lan',
  externalIds: { 'nssv-address': 'nssv_distributed_switch.lan' },
  datapathType: 'netdev',
  mtuRequest: undefined,
  ports: [],
};

const nic = (domain: string, device: string): LiveNic => ({
  domain,
  uuid: `u-${domain}`,
  switch: 'lan',
  mac: '52:54:00:00:00:01',
  tag: 100,
  device,
});

const port = (name: string): OvsPortRow =>
  ({ name, bridge: 'lan', tag: 100, externalIds: {}, ifaceExternalIds: {}, type: '' }) as OvsPortRow;

/**
 * A switch whose bridge has the VM ports `ports`, read while the running domains' NICs are, one
 * read after another, each of `liveReads` (the last one stays).
 */
function switches(liveReads: LiveNic[][], ports: OvsPortRow[]) {
  let reads = 0;
  const ovs = { listBridges: async () => [lan] } as unknown as Ovs;
  const ovsPorts = { list: async () => ports } as unknown as OvsPorts;
  const liveNics = async (): Promise<LiveNic[]> => liveReads[Math.min(reads++, liveReads.length - 1)]!;
  const sw = new Switches(ovs, async () => [], {}, ovsPorts, undefined, undefined, liveNics, 1);
  return { sw, reads: () => reads };
}

const detachedOf = async (sw: Switches) =>
  (await sw.list()).switches.find((s) => s.name === 'lan')!.detachedNics;

describe('Switches: VM ports deleted from a switch', () => {
  it('GIVEN a running guest whose port was deleted WHEN read THEN its NIC is detached (looked at twice)', async () => {
    const { sw, reads } = switches([[nic('web', 'vnet0'), nic('db', 'vnet1')]], [port('vnet1')]);
    expect(await detachedOf(sw)).toEqual([{ domain: 'web', mac: '52:54:00:00:00:01', port: 'vnet0' }]);
    expect(reads()).toBe(2);
  });

  it('GIVEN a guest being stopped (its tap gone, the domain listed a moment longer) WHEN read THEN nothing is detached', async () => {
    const { sw } = switches(
      [[nic('web', 'vnet0'), nic('db', 'vnet1')], [nic('db', 'vnet1')]],
      [port('vnet1')],
    );
    expect(await detachedOf(sw)).toEqual([]);
  });

  it("GIVEN an inventory's read scope and a guest being stopped WHEN read THEN the second look reads the host again", async () => {
    const listings = [[nic('web', 'vnet0'), nic('db', 'vnet1')], [nic('db', 'vnet1')]];
    let runs = 0;
    const exec: Exec = async () => ({
      exitCode: 0,
      stdout: JSON.stringify(listings[Math.min(runs++, listings.length - 1)]),
      stderr: '',
    });
    const scoped = scopedExec(exec);
    const liveNics = async (): Promise<LiveNic[]> =>
      JSON.parse((await scoped('virsh', ['list', '--all'])).stdout) as LiveNic[];
    const ovs = { listBridges: async () => [lan] } as unknown as Ovs;
    const ovsPorts = { list: async () => [port('vnet1')] } as unknown as OvsPorts;
    const sw = new Switches(ovs, async () => [], {}, ovsPorts, undefined, undefined, liveNics, 1);
    expect(await inReadScope(() => detachedOf(sw))).toEqual([]);
    expect(runs).toBe(2);
  });

  it('GIVEN every NIC plugged WHEN read THEN nothing is detached, after one look', async () => {
    const { sw, reads } = switches([[nic('db', 'vnet1')]], [port('vnet1')]);
    expect(await detachedOf(sw)).toEqual([]);
    expect(reads()).toBe(1);
  });
});
