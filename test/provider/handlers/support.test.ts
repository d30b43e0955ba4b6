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

  test("GIVEN an attribute the agents cannot apply yet THEN plan refuses it, naming where; a VM's delayed delete policy is applied", () => {
    const vm = desired('nssv_vm.a', {
      name: 'a',
      cluster_id: 'c',
      delete_policy: 'delayed',
      nic: [{ port_group_id: 'p', ip: '10.0.0.5', security_group_ids: ['web'] }],
      ha_enabled: true,
    });
    expect(unsupportedFeatures([vm])).toEqual([]);
    const cluster = desired('nssv_cluster.c', { name: 'c', datacenter_id: 'd', ha_enabled: true });
    cluster.attributeRanges.ha_enabled = { file: 'main.tf', line: 4, column: 3 };
    expect(unsupportedFeatures([cluster]).map((d) => [d.attribute, d.summary, d.range?.line])).toEqual([
      ['ha_enabled', 'nssv_cluster.c: ha_enabled is not supported yet: the agents do not apply it yet', 4],
    ]);
  });

  test('GIVEN an image WHEN its delete_policy is "never", "immediate" or "delayed" THEN plan accepts each (the agents implement them all)', () => {
    const image = (policy: string) =>
      desired('nssv_image.i', {
        name: 'i',
        image_storage_id: 's',
        source: '/x.raw',
        format: 'raw',
        delete_policy: policy,
      });
    expect(['never', 'immediate', 'delayed'].flatMap((p) => unsupportedFeatures([image(p)]))).toEqual([]);
  });

  test('GIVEN a snapshot (the last type to get a handler) THEN plan no longer refuses it', () => {
    const snap = desired('nssv_volume_snapshot.daily', { name: 'daily', volume_id: 'data' });
    expect(unsupportedFeatures([snap])).toEqual([]);
  });

  test('GIVEN an rbd pool with its redundancy, quota and recovery settings THEN nothing is refused', () => {
    const p = desired('nssv_storage_pool.p', {
      name: 'p',
      kind: 'rbd',
      cluster_id: 'c',
      erasure_code: [{ k: 2, m: 1 }],
      failure_domain: 'host',
      quota_gib: 10,
      recovery_qos: 'fast',
      thin_provisioning: false,
    });
    expect(unsupportedFeatures([p])).toEqual([]);
  });

  test('GIVEN a dir pool with a quota or thick provisioning THEN plan refuses them for dir pools', () => {
    const p = desired('nssv_storage_pool.p', {
      name: 'p',
      kind: 'dir',
      cluster_id: 'c',
      quota_gib: 10,
      thin_provisioning: false,
    });
    expect(unsupportedFeatures([p]).map((d) => [d.attribute, d.summary])).toEqual([
      [
        'quota_gib',
        'nssv_storage_pool.p: quota_gib is not supported yet: the agents do not apply it to kind = "dir" yet',
      ],
      [
        'thin_provisioning',
        'nssv_storage_pool.p: thin_provisioning is not supported yet: the agents do not apply it to kind = "dir" yet',
      ],
    ]);
  });
});
