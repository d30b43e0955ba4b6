import { staticChecks } from '../../../planner/plan/staticChecks.js';
import { desired, vm, world } from '../../helpers/desired.js';

describe('staticChecks', () => {
  test('GIVEN a consistent configuration THEN nothing is reported', () => {
    expect(staticChecks([...world(), ...vm('a'), ...vm('b', 512, { host_id: 'h2' })])).toEqual([]);
  });

  test('GIVEN a VM pinned to a host of another cluster THEN both clusters are named', () => {
    const instances = [
      ...world(),
      desired('nssv_host.h3', { name: 'h3', cluster_id: 'c2' }),
      ...vm('a', 512, { host_id: 'h3' }),
    ];
    expect(staticChecks(instances).map((d) => d.summary)).toEqual([
      'nssv_vm.a: host_id = "h3" is in cluster "c2", not in the VM\'s cluster "c"',
    ]);
  });

  test('GIVEN a NIC on a switch that does not span the VM cluster THEN it is reported at the NIC', () => {
    const instances = [
      ...world(),
      desired('nssv_distributed_switch.sw2', { name: 'sw2', datacenter_id: 'dc', cluster_ids: ['c2'] }),
      desired('nssv_port_group.db', { name: 'db', switch_id: 'sw2' }),
      ...vm('a', 512, { nic: [{ port_group_id: 'db' }] }),
    ];
    expect(staticChecks(instances).map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_PORT_GROUP_NOT_ON_HOST',
        'nssv_vm.a: nic[0].port_group_id = "db" belongs to switch "sw2", which does not span the VM\'s cluster "c"',
      ],
    ]);
  });

  test('GIVEN one volume on two VMs THEN it is reported', () => {
    const [vol, a] = vm('a');
    const b = desired('nssv_vm.b', { name: 'b', cluster_id: 'c', disk: [{ volume_id: 'a-disk' }] });
    expect(staticChecks([...world(), vol!, a!, b]).map((d) => d.code)).toEqual(['NSSV_VOLUME_SHARED']);
  });

  test('GIVEN a volume of a dir pool made from an image of an rbd image storage THEN it is reported at source_image_id', () => {
    const instances = [
      ...world(),
      desired('nssv_image_storage.tmpl', { name: 'tmpl', kind: 'rbd', cluster_id: 'c' }),
      desired('nssv_image_storage.files', { name: 'files', cluster_id: 'c' }),
      desired('nssv_image.debian', { name: 'debian', image_storage_id: 'tmpl', source: 'file:///d.qcow2' }),
      desired('nssv_image.alpine', { name: 'alpine', image_storage_id: 'files', source: 'file:///a.qcow2' }),
      desired('nssv_volume.boot', { name: 'boot', pool_id: 'p', size_gib: 2, source_image_id: 'debian' }),
      desired('nssv_volume.ok', { name: 'ok', pool_id: 'p', size_gib: 2, source_image_id: 'alpine' }),
    ];
    expect(staticChecks(instances).map((d) => [d.code, d.address, d.attribute])).toEqual([
      ['NSSV_VOLUME_IMAGE_STORAGE_KIND', 'nssv_volume.boot', 'source_image_id'],
    ]);
  });
});
