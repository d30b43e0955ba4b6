import { volumeHandler } from '../../../provider/handlers/volume.js';
import { volumeSnapshotHandler } from '../../../provider/handlers/volumeSnapshot.js';
import { fakeHosts, type FakeHosts } from './fakeHosts.js';

let hosts: FakeHosts;
let before = 0;
beforeEach(async () => {
  hosts = await fakeHosts();
  const data = { name: 'data', pool_id: 'ceph', size_gib: 1, format: 'raw', host_id: 'h1' };
  await volumeHandler.create(hosts.ctx(), 'nssv_volume.data', data);
  before = hosts.h1.calls().length;
});
afterEach(() => hosts.close());

const snap = (revert: number | null) => ({
  name: 's1',
  volume_id: 'data',
  description: '',
  revert_serial: revert,
  volume_pool_id: 'ceph',
  volume_host_id: 'h1',
});
const A = 'nssv_volume_snapshot.s';

describe('volumeSnapshotHandler', () => {
  it('GIVEN revert_serial raised WHEN updated THEN the snapshot is taken (idempotent) and the volume reverted to it', async () => {
    await volumeSnapshotHandler.update(hosts.ctx(), A, snap(0), snap(1));
    expect(hosts.h1.calls().slice(before)).toEqual([
      'PUT /v1/pools/ceph/volumes/data/snapshots/s1',
      'PUT /v1/pools/ceph/volumes/data/revert',
    ]);
  });

  it('GIVEN a prior without revert_serial (imported by terraform) WHEN updated to the configured one THEN nothing is reverted', async () => {
    const after = await volumeSnapshotHandler.update(hosts.ctx(), A, snap(null), snap(1));
    expect(hosts.h1.calls().slice(before)).toEqual(['PUT /v1/pools/ceph/volumes/data/snapshots/s1']);
    expect(after).toMatchObject({ revert_serial: 1 });
  });
});
