import { volumeHandler } from '../../../provider/handlers/volume.js';
import { fakeHosts, type FakeHosts } from './fakeHosts.js';

let hosts: FakeHosts;
beforeEach(async () => (hosts = await fakeHosts()));
afterEach(() => hosts.close());

const vol = (sizeGiB: number, format = 'qcow2') => ({
  name: 'root',
  pool_id: 'local',
  size_gib: sizeGiB,
  format,
  host_id: 'h2',
});
const A = 'nssv_volume.root';

describe('volumeHandler', () => {
  it('GIVEN a volume WHEN created THEN it is put on its host only, in its pool, with size and format', async () => {
    expect(await volumeHandler.create(hosts.ctx(), A, vol(2))).toEqual({ ...vol(2), clone_state: null });
    expect(hosts.h1.calls()).toEqual([]);
    expect(hosts.h2.requests.at(-1)).toEqual({
      method: 'PUT',
      path: '/v1/pools/local/volumes/root',
      body: { address: A, sizeGiB: 2, format: 'qcow2' },
    });
  });

  it('GIVEN a volume grown on the host WHEN read THEN the live size is reported; gone THEN null', async () => {
    await volumeHandler.create(hosts.ctx(), A, vol(2));
    hosts.h2.inventory.volumes[0]!.sizeGiB = 5;
    expect(await volumeHandler.read(hosts.ctx(), A, vol(2))).toEqual({ ...vol(5), clone_state: null });
    hosts.h2.inventory.volumes.length = 0;
    expect(await volumeHandler.read(hosts.ctx(), A, vol(2))).toBeNull();
  });

  it('GIVEN a volume of that name in the pool WHEN checked before create THEN it is described', async () => {
    await volumeHandler.create(hosts.ctx(), 'nssv_volume.other', vol(1, 'raw'));
    expect(await volumeHandler.occupied!(hosts.ctx(), vol(2))).toEqual([
      'volume "root" in pool "local" on h2, managed as nssv_volume.other',
    ]);
  });

  it('GIVEN a volume with delete_policy "delayed" WHEN deleted THEN it goes to its host\'s trash for 7 days', async () => {
    await volumeHandler.create(hosts.ctx(), A, vol(2));
    const before = Date.now();
    await volumeHandler.delete(hosts.ctx(), A, { ...vol(2), delete_policy: 'delayed' });
    expect(hosts.h2.calls().at(-1)).toBe('PUT /v1/pools/local/volumes/root/trash');
    const expires = Date.parse(hosts.h2.trash[0]!.expiresAt!);
    expect(expires - before).toBeGreaterThanOrEqual(7 * 24 * 3600_000);
    expect(expires - before).toBeLessThan(7 * 24 * 3600_000 + 60_000);
    expect(hosts.h2.inventory.volumes).toEqual([]);
  });

  it('GIVEN a deleted volume WHEN the delete is undone THEN it is restored from the trash, not re-created empty', async () => {
    await volumeHandler.create(hosts.ctx(), A, vol(2));
    const prior = { ...vol(2), delete_policy: 'delayed' };
    await volumeHandler.delete(hosts.ctx(), A, prior);
    const undone = await volumeHandler.undoDelete!(hosts.ctx(), A, prior);
    expect(undone).toEqual({
      attributes: prior,
      note: 'restored from the trash (local.root-1) with its data',
    });
    expect(hosts.h2.calls().slice(-2)).toEqual([
      'PUT /v1/pools/local/volumes/root/trash',
      'PUT /v1/trash/local.root-1/restore',
    ]);
    expect(hosts.h2.inventory.volumes.map((v) => v.name)).toEqual(['root']);
  });

  it('GIVEN a volume deleted with delete_policy "immediate" WHEN the apply commits THEN its trash entry is purged; "delayed" keeps it', async () => {
    await volumeHandler.create(hosts.ctx(), A, vol(2));
    await volumeHandler.delete(hosts.ctx(), A, { ...vol(2), delete_policy: 'delayed' });
    await volumeHandler.commitDelete!(hosts.ctx(), A, { ...vol(2), delete_policy: 'delayed' });
    expect(hosts.h2.trash.map((e) => e.id)).toEqual(['local.root-1']);
    await volumeHandler.commitDelete!(hosts.ctx(), A, { ...vol(2), delete_policy: 'immediate' });
    expect(hosts.h2.calls().at(-1)).toBe('DELETE /v1/trash/local.root-1');
    expect(hosts.h2.trash).toEqual([]);
  });

  it('GIVEN a trash entry purged meanwhile WHEN the delete is undone THEN the undo fails saying the data is lost', async () => {
    await volumeHandler.create(hosts.ctx(), A, vol(2));
    await volumeHandler.delete(hosts.ctx(), A, vol(2));
    hosts.h2.trash.length = 0;
    await expect(volumeHandler.undoDelete!(hosts.ctx(), A, vol(2))).rejects.toThrow(
      'cannot bring nssv_volume.root back: its trash entry is gone (purged outside nssv?); its data is lost',
    );
  });
});
