/**
 * A snapshot's volume_pool_id and volume_host_id must come out the same when Terraform plans it
 * again during apply, where the volume has been planned again only if it changes.
 */
import { snapshotVolume } from '../../../../provider/tfplugin/resources/snapshotVolume.js';
import { unknownValue } from '../../../../core/values.js';
import type { Inventory } from '../../../../schemas/generated/agentApi.js';
import { fakeSession } from '../fakeSession.js';

const volume = (pool: string) => ({
  pool,
  name: 'data',
  address: 'nssv_volume.data',
  format: 'raw' as const,
  sizeGiB: 1,
  path: `/x/${pool}/data`,
  allocatedBytes: 0,
});
const onBoth: Partial<Inventory> = { volumes: [volume('ceph')] };
const snap = { name: 's1', volume_id: 'data' };

describe('snapshotVolume', () => {
  it('GIVEN a recorded snapshot WHEN planned again THEN it keeps its recorded pool and host, whatever the volume says', async () => {
    const s = fakeSession({ h1: onBoth, h2: onBoth });
    s.remember('nssv_volume', { name: 'data', pool_id: 'ceph', host_id: 'h1' });
    const prior = { ...snap, volume_pool_id: 'ceph', volume_host_id: 'h2' };
    expect(await snapshotVolume(s, snap, prior)).toEqual({ volume_pool_id: 'ceph', volume_host_id: 'h2' });
  });

  it('GIVEN an rbd volume both hosts report, planned on h2 WHEN a new snapshot is planned THEN the first host by name, with or without the volume planned', async () => {
    const planned = fakeSession({ h1: onBoth, h2: onBoth });
    planned.remember('nssv_volume', { name: 'data', pool_id: 'ceph', host_id: 'h2' });
    const notPlanned = fakeSession({ h1: onBoth, h2: onBoth });
    for (const s of [planned, notPlanned])
      expect(await snapshotVolume(s, snap, null)).toEqual({ volume_pool_id: 'ceph', volume_host_id: 'h1' });
  });

  it('GIVEN a volume not on any host yet WHEN planned in this run THEN its dir host, or the first host of its rbd pool', async () => {
    const dir = fakeSession({ h1: {}, h2: {} });
    dir.remember('nssv_volume', { name: 'data', pool_id: 'local', host_id: 'h2' });
    expect(await snapshotVolume(dir, snap, null)).toEqual({ volume_pool_id: 'local', volume_host_id: 'h2' });
    const rbd = fakeSession({ h1: {}, h2: {} });
    rbd.remember('nssv_storage_pool', { name: 'ceph', kind: 'rbd', host_ids: ['h2', 'h1'] });
    rbd.remember('nssv_volume', { name: 'data', pool_id: 'ceph', host_id: 'h2' });
    expect(await snapshotVolume(rbd, snap, null)).toEqual({ volume_pool_id: 'ceph', volume_host_id: 'h1' });
  });

  it('GIVEN a volume nobody knows WHEN planned THEN both stay unknown', async () => {
    const s = fakeSession({ h1: {}, h2: {} });
    expect(await snapshotVolume(s, snap, null)).toEqual({
      volume_pool_id: unknownValue,
      volume_host_id: unknownValue,
    });
  });
});
