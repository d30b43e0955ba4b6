import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../engine/files/loadConfig.js';
import { staticChecks } from '../../../planner/plan/staticChecks.js';
import { renderDiagnostic } from '../../../planner/render/diagnostics.js';
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

  test('GIVEN that mistake in a configuration file WHEN loaded and checked THEN the error is located at source_image_id, with the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-kind-'));
    try {
      writeFileSync(
        join(dir, 'main.tf'),
        `resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = "c"
}
resource "nssv_image_storage" "ceph" {
  name          = "ceph"
  kind          = "rbd"
  datacenter_id = "dc"
  cluster_id    = "c"
}
resource "nssv_image" "debian" {
  name             = "debian"
  image_storage_id = nssv_image_storage.ceph.id
  source           = "/srv/debian.qcow2"
}
resource "nssv_volume" "boot" {
  name            = "boot"
  pool_id         = nssv_storage_pool.local.id
  size_gib        = 2
  source_image_id = nssv_image.debian.id
}
`,
      );
      const loaded = await loadConfig(dir, { env: {} });
      const read = (file: string) => readFileSync(join(dir, file), 'utf8');
      expect(staticChecks(loaded.instances).map((d) => renderDiagnostic(d, read))).toEqual([
        [
          'Error: main.tf:21:21: nssv_volume.boot: source_image_id = "debian" is in rbd image storage "ceph", but pool "local" is a dir pool',
          '',
          '  21 |   source_image_id = nssv_image.debian.id',
          '     |                     ^',
          '',
          "  A volume made from an image is in the same kind of storage as the image: a dir pool's volumes come from images of a dir image storage (qcow2 overlays on, or copies of, the image file), an rbd pool's volumes are rbd clones of images of an rbd image storage. Fix: put the volume in an rbd pool, or use an image of a dir image storage.",
          '',
        ].join('\n'),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
