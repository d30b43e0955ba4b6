import { Ovs } from '../../../agentd/drivers/ovs.js';
import { FakeExec } from '../fake-exec.js';

const interfaceOk = { stdout: '{"data":[[["set",[]],65534]],"headings":["error","ofport"]}\n' };

describe('Ovs', () => {
  it('GIVEN a new bridge WHEN ensured THEN one add-br transaction sets netdev, the address (quoted) and the MTU', async () => {
    const fake = new FakeExec().on('add-br', {}).on('list Interface', interfaceOk);
    await new Ovs(fake.exec, '/run/h1/db.sock').ensureBridge(
      'sw1',
      { 'nssv-address': 'nssv_distributed_switch.x["a"]' },
      1500,
    );
    expect(fake.calls[0]).toEqual({
      file: 'ovs-vsctl',
      args: [
        '--db=unix:/run/h1/db.sock',
        '--timeout=10',
        '--may-exist',
        'add-br',
        'sw1',
        '--',
        'set',
        'Bridge',
        'sw1',
        'datapath_type=netdev',
        'external_ids:nssv-address="nssv_distributed_switch.x[\\"a\\"]"',
        '--',
        'set',
        'Interface',
        'sw1',
        'mtu_request=1500',
      ],
    });
  });

  it('GIVEN ovs-vsctl exits 0 but prints "Error detected while setting up" WHEN ensuring THEN it fails clearly', async () => {
    const fake = new FakeExec().on('add-br', {
      stderr:
        'ovs-vsctl: Error detected while setting up \'sw1\'.  See ovs-vswitchd log for details.\novs-vsctl: The default log directory is "/var/log/openvswitch".\n',
    });
    await expect(new Ovs(fake.exec, '/db.sock').ensureBridge('sw1', {}, 1500)).rejects.toMatchObject({
      code: 'tool_failed',
      message:
        "create OVS bridge sw1: ovs-vswitchd could not set the bridge up (ovs-vsctl: Error detected while setting up 'sw1'.  See ovs-vswitchd log for details.); is ovs-vswitchd running with the userspace datapath?",
    });
  });

  it("GIVEN the bridge's interface has an error WHEN ensuring THEN it fails naming the error", async () => {
    const fake = new FakeExec().on('add-br', {}).on('list Interface', {
      stdout: '{"data":[["could not open network device sw1",["set",[]]]],"headings":["error","ofport"]}\n',
    });
    await expect(new Ovs(fake.exec, '/db.sock').ensureBridge('sw1', {}, 1500)).rejects.toMatchObject({
      message:
        "create OVS bridge sw1: the bridge's interface is not working (could not open network device sw1)",
    });
  });

  it('GIVEN bridges, ports and interfaces WHEN listed THEN one call yields bridges with external_ids, MTU and tagged ports', async () => {
    const stdout = [
      JSON.stringify({
        data: [
          [
            'sw1',
            [
              'map',
              [
                ['nssv-address', 'nssv_distributed_switch.sw1'],
                ['nssv-pg-web', '{"address":"pg","vlanId":42}'],
              ],
            ],
            'netdev',
            [
              'set',
              [
                ['uuid', 'p-sw1'],
                ['uuid', 'p-vnet0'],
              ],
            ],
          ],
          ['other', ['map', []], '', ['uuid', 'p-other']],
        ],
        headings: ['name', 'external_ids', 'datapath_type', 'ports'],
      }),
      JSON.stringify({
        data: [
          [['uuid', 'p-sw1'], 'sw1', ['set', []]],
          [['uuid', 'p-vnet0'], 'vnet0', 42],
          [['uuid', 'p-other'], 'other', ['set', []]],
        ],
        headings: ['_uuid', 'name', 'tag'],
      }),
      JSON.stringify({
        data: [
          ['sw1', 1400],
          ['vnet0', ['set', []]],
          ['other', ['set', []]],
        ],
        headings: ['name', 'mtu_request'],
      }),
    ].join('\n');
    const fake = new FakeExec().on('list Bridge', { stdout });
    expect(await new Ovs(fake.exec, '/db.sock').listBridges()).toEqual([
      { name: 'other', externalIds: {}, datapathType: '', mtuRequest: undefined, ports: [] },
      {
        name: 'sw1',
        externalIds: {
          'nssv-address': 'nssv_distributed_switch.sw1',
          'nssv-pg-web': '{"address":"pg","vlanId":42}',
        },
        datapathType: 'netdev',
        mtuRequest: 1400,
        ports: [{ name: 'vnet0', tag: 42 }],
      },
    ]);
    expect(fake.calls).toHaveLength(1);
  });
});
