/**
 * ImportResourceState of rbd pools, image storages, images, snapshots and the state-only groups, from the
 * agents' inventories (the lookup `nssv import` shares).
 */
import { importResource } from '../../../../provider/tfplugin/resources/importState.js';
import type { Inventory } from '../../../../schemas/generated/agentApi.js';
import { fakeSession } from '../fakeSession.js';

const rbdPool = {
  name: 'ceph',
  address: 'nssv_storage_pool.ceph',
  cephPool: 'nssv.ceph',
  cephDataPool: null,
  replicas: 2,
  erasureCode: null,
  failureDomain: 'host',
  quotaGiB: null,
  recoveryQos: 'fast',
  thinProvisioning: true,
};
const image = {
  store: 'lib',
  name: 'deb',
  address: 'nssv_image.deb',
  source: '/srv/deb.qcow2',
  format: 'qcow2' as const,
  sha256: 'ab'.repeat(32),
  sizeBytes: 4096,
  virtualSizeBytes: 65536,
  path: '/x/deb.qcow2',
};
const snap = {
  pool: 'ceph',
  volume: 'data',
  name: 'snap1',
  address: 'nssv_volume_snapshot.s',
  createdAt: '2026-12-05T09:00:00Z',
};
const onHost: Partial<Inventory> = {
  rbdPools: [rbdPool] as Inventory['rbdPools'],
  snapshots: [snap],
  imageStores: [{ name: 'lib', address: 'nssv_image_storage.lib', path: '/x' }],
  images: [image],
};
const s = fakeSession({ h1: onHost, h2: onHost });

describe('import of rbd pools, image storages, images and groups', () => {
  it('GIVEN an rbd pool every host reports THEN kind rbd with what Ceph says', async () => {
    expect((await importResource(s, 'nssv_storage_pool', 'ceph')).state).toMatchObject({
      id: 'ceph',
      kind: 'rbd',
      cluster_id: 'c',
      host_ids: ['h1', 'h2'],
      replicas: 2,
      erasure_code: [],
      failure_domain: 'host',
      recovery_qos: 'fast',
    });
  });

  it('GIVEN an image storage and an image THEN their hosts; the image without the digest the agent computed', async () => {
    expect((await importResource(s, 'nssv_image_storage', 'lib')).state).toMatchObject({
      id: 'lib',
      kind: 'dir',
      cluster_id: 'c',
      host_ids: ['h1', 'h2'],
    });
    const img = (await importResource(s, 'nssv_image', 'deb')).state!;
    expect(img).toMatchObject({
      id: 'deb',
      image_storage_id: 'lib',
      source: '/srv/deb.qcow2',
      format: 'qcow2',
      size_bytes: 4096,
      host_ids: ['h1', 'h2'],
    });
    expect(img.sha256 ?? null).toBeNull();
  });

  it('GIVEN host and scheduling groups THEN their names (they exist only in the state)', async () => {
    expect((await importResource(s, 'nssv_host_group', 'rack')).state).toMatchObject({
      id: 'rack',
      name: 'rack',
    });
    expect((await importResource(s, 'nssv_scheduling_group', 'pin')).state).toMatchObject({ id: 'pin' });
  });

  it('GIVEN an image no host has THEN the import fails saying so', async () => {
    const r = await importResource(s, 'nssv_image', 'nope');
    expect(r.diagnostics.map((d) => `${d.code}: ${d.summary}`)).toEqual([
      'NSSV_IMPORT_NOT_FOUND: cannot import nssv_image "nope": no host has an image "nope"',
    ]);
  });

  it('GIVEN an rbd snapshot both hosts report WHEN imported by HOST/NAME THEN its volume, pool, managing host and time; revert_serial unknown', async () => {
    expect((await importResource(s, 'nssv_volume_snapshot', 'h2/snap1')).state).toEqual({
      id: 'snap1',
      name: 'snap1',
      volume_id: 'data',
      volume_pool_id: 'ceph',
      volume_host_id: 'h2',
      created_at: '2026-12-05T09:00:00Z',
      description: '',
      revert_serial: null,
    });
  });

  it('GIVEN an rbd snapshot both hosts report WHEN imported by its name alone THEN the import asks for HOST/NAME', async () => {
    const r = await importResource(s, 'nssv_volume_snapshot', 'snap1');
    expect(r.diagnostics.map((d) => `${d.code}: ${d.summary}`)).toEqual([
      'NSSV_IMPORT_NOT_FOUND: cannot import nssv_volume_snapshot "snap1": snapshots "snap1" are on h1, h2: give HOST/snap1',
    ]);
  });
});
