import { isUnknown, unknownValue, type Attributes } from '../../../../core/values.js';
import { planResource, replacePaths } from '../../../../provider/tfplugin/resources/plan.js';
import { fakeSession } from '../fakeSession.js';

const prior = {
  name: 'web1',
  memory_mib: 128,
  host_id: 'h1',
  nic: [{ port_group_id: 'web', mac: '52:54:00:00:00:01' }],
};

describe('requires_replace', () => {
  it('GIVEN an in-place change (memory) THEN nothing forces replacement', () => {
    expect(replacePaths('nssv_vm', prior, { ...prior, memory_mib: 256 }, false)).toEqual([]);
  });

  it('GIVEN force-new changes at top level and in a block THEN their paths', () => {
    const planned = { ...prior, name: 'web2', nic: [{ port_group_id: 'db', mac: unknownValue }] };
    expect(replacePaths('nssv_vm', prior, planned, false)).toEqual([
      'name',
      'nic[0].port_group_id',
      'nic[0].mac',
    ]);
  });

  it('GIVEN an imported prior that could not read an attribute THEN setting it does not replace', () => {
    expect(
      replacePaths(
        'nssv_distributed_switch',
        { name: 'lan', datacenter_id: null },
        { name: 'lan', datacenter_id: 'dc' },
        true,
      ),
    ).toEqual([]);
    expect(
      replacePaths(
        'nssv_distributed_switch',
        { name: 'lan', datacenter_id: null },
        { name: 'lan', datacenter_id: 'dc' },
        false,
      ),
    ).toEqual(['datacenter_id']);
  });
});

describe('PlanResourceChange: requires_replace', () => {
  it('GIVEN a NIC put on another port group THEN only its port group forces replacement, not its unknown MAC', async () => {
    const vm = {
      name: 'web1',
      id: 'web1',
      cluster_id: 'c',
      host_id: 'h1',
      uuid: 'u',
      memory_mib: 64,
      vcpus: 1,
      power_state: 'running',
      disk: [],
      nic: [{ port_group_id: 'web', mac: '52:54:00:00:00:01', ip: null }],
      user_data: null,
      ssh_authorized_keys: [],
    };
    const config = {
      name: 'web1',
      cluster_id: 'c',
      host_id: 'h1',
      memory_mib: 64,
      nic: [{ port_group_id: 'db' }],
    };
    const p = await planResource(fakeSession({ h1: {} }), 'nssv_vm', vm, config, false);
    expect(isUnknown((p.planned.nic as Attributes[])[0]!.mac)).toBe(true);
    expect(p.requiresReplace).toEqual(['nic[0].port_group_id']);
  });
});
