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

  it('GIVEN a volume WHEN deleted THEN it is deleted on its host', async () => {
    await volumeHandler.delete(hosts.ctx(), A, vol(2));
    expect(hosts.h2.calls()).toEqual(['DELETE /v1/pools/local/volumes/root']);
  });
});
