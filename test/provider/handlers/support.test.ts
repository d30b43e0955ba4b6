import { unsupportedFeatures } from '../../../provider/handlers/support.js';
import { desired } from '../../helpers/desired.js';

describe('unsupportedFeatures', () => {
  test('GIVEN defaults only THEN nothing is refused', () => {
    const vm = desired('nssv_vm.a', {
      name: 'a',
      cluster_id: 'c',
      ha_enabled: false,
      disk: [{ volume_id: 'v', bus: 'virtio' }],
    });
    expect(unsupportedFeatures([vm])).toEqual([]);
  });

  test('GIVEN an attribute the agents cannot apply yet THEN plan refuses it, naming where', () => {
    const vm = desired('nssv_vm.a', {
      name: 'a',
      cluster_id: 'c',
      delete_policy: 'never',
      nic: [{ port_group_id: 'p', security_group_ids: ['sg'] }],
    });
    vm.attributeRanges.delete_policy = { file: 'main.tf', line: 4, column: 3 };
    expect(unsupportedFeatures([vm]).map((d) => [d.attribute, d.summary, d.range?.line])).toEqual([
      ['delete_policy', 'nssv_vm.a: delete_policy is not supported yet: the agents do not apply it yet', 4],
      [
        'nic[0].security_group_ids',
        'nssv_vm.a: nic[0].security_group_ids is not supported yet: the agents do not apply it yet',
        1,
      ],
    ]);
  });

  test('GIVEN a resource type without a handler THEN plan refuses it', () => {
    const sg = desired('nssv_security_group.web', { name: 'web' });
    expect(unsupportedFeatures([sg]).map((d) => d.summary)).toEqual([
      "nssv_security_group.web: resource type nssv_security_group is not supported yet: this version's agents cannot create it",
    ]);
  });

  test('GIVEN an rbd image storage THEN plan refuses the value (images are kept in host directories today)', () => {
    const st = desired('nssv_image_storage.s', {
      name: 's',
      kind: 'rbd',
      datacenter_id: 'd',
      cluster_id: 'c',
    });
    expect(unsupportedFeatures([st]).map((d) => d.summary)).toEqual([
      'nssv_image_storage.s: kind = "rbd" is not supported yet: only the values the agents implement are usable today',
    ]);
  });

  test('GIVEN an rbd pool THEN plan refuses the value', () => {
    const p = desired('nssv_storage_pool.p', { name: 'p', kind: 'rbd', cluster_id: 'c' });
    expect(unsupportedFeatures([p]).map((d) => d.summary)).toEqual([
      'nssv_storage_pool.p: kind = "rbd" is not supported yet: only the values the agents implement are usable today',
    ]);
  });
});
