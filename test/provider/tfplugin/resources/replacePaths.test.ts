import { unknownValue } from '../../../../core/values.js';
import { replacePaths } from '../../../../provider/tfplugin/resources/plan.js';

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
