import { applyDefaults, defaultedValue } from '../../schemas/attributes.js';
import { resourceSchema } from '../../schemas/registry.js';
import type { Attributes } from '../../core/values.js';

describe('defaultedValue', () => {
  const vm: Attributes = {
    name: 'vm-0',
    cluster_id: 'c',
    memory_mib: 64,
    disk: [{ volume_id: 'root-0' }, { volume_id: 'data-0', bus: 'scsi' }],
  };
  const schema = resourceSchema('nssv_vm');

  it('GIVEN a VM WHEN each attribute is read THEN it equals that attribute of applyDefaults', () => {
    const full = applyDefaults('nssv_vm', vm);
    const names = [...Object.keys(full), 'no_such_attribute'];
    expect(Object.fromEntries(names.map((n) => [n, defaultedValue(schema, vm, n)]))).toEqual(
      Object.fromEntries(names.map((n) => [n, full[n]])),
    );
  });

  it('GIVEN a set value, an unset one with a default and a block THEN the value, the default and the items with theirs', () => {
    expect(defaultedValue(schema, vm, 'memory_mib')).toBe(64);
    expect(defaultedValue(schema, vm, 'vcpus')).toBe(1);
    expect(defaultedValue(schema, vm, 'nic')).toEqual([]);
    expect(defaultedValue(schema, vm, 'disk')).toEqual([
      { volume_id: 'root-0', boot_order: null, bus: 'virtio' },
      { volume_id: 'data-0', bus: 'scsi', boot_order: null },
    ]);
  });
});
