import { storagePoolHandler } from '../../../provider/handlers/storagePool.js';
import { fakeHosts, type FakeHosts } from './fakeHosts.js';

let hosts: FakeHosts;
beforeEach(async () => (hosts = await fakeHosts()));
afterEach(() => hosts.close());

const pool = (hostIds: string[]) => ({ name: 'local', kind: 'dir', cluster_id: 'c', host_ids: hostIds });
const A = 'nssv_storage_pool.local';

describe('storagePoolHandler (per host)', () => {
  it('GIVEN two hosts WHEN created THEN the pool is put on each with its address', async () => {
    await storagePoolHandler.create(hosts.ctx(), A, pool(['h1', 'h2']));
    expect(hosts.h1.calls()).toEqual(['PUT /v1/pools/local']);
    expect(hosts.h2.calls()).toEqual(['PUT /v1/pools/local']);
    expect(hosts.h1.requests.at(-1)?.body).toEqual({ address: A });
  });

  it('GIVEN the pool gone from one host WHEN read THEN host_ids lists where it still is', async () => {
    await storagePoolHandler.create(hosts.ctx(), A, pool(['h1', 'h2']));
    hosts.h2.inventory.pools.length = 0;
    expect(await storagePoolHandler.read(hosts.ctx(), A, pool(['h1', 'h2']))).toEqual(pool(['h1']));
    hosts.h1.inventory.pools.length = 0;
    expect(await storagePoolHandler.read(hosts.ctx(), A, pool(['h1', 'h2']))).toBeNull();
  });

  it('GIVEN a host leaves the set WHEN updated THEN the pool is put on the new set and removed from the host that left', async () => {
    await storagePoolHandler.update(hosts.ctx(), A, pool(['h1', 'h2']), pool(['h1']));
    expect(hosts.h1.calls()).toEqual(['PUT /v1/pools/local']);
    expect(hosts.h2.calls()).toEqual(['DELETE /v1/pools/local']);
  });

  it('GIVEN a pool of the same name on a host WHEN checked before create THEN it is named with its owner', async () => {
    await storagePoolHandler.create(hosts.ctx(), 'nssv_storage_pool.other', pool(['h2']));
    expect(await storagePoolHandler.occupied!(hosts.ctx(), pool(['h1', 'h2']))).toEqual([
      'dir pool "local" on h2, managed as nssv_storage_pool.other',
    ]);
  });

  it('GIVEN a pool WHEN deleted THEN it is deleted on every host', async () => {
    await storagePoolHandler.delete(hosts.ctx(), A, pool(['h1', 'h2']));
    expect([...hosts.h1.calls(), ...hosts.h2.calls()]).toEqual([
      'DELETE /v1/pools/local',
      'DELETE /v1/pools/local',
    ]);
  });

  it('GIVEN a host nssv does not know WHEN created THEN not_found naming the fix', async () => {
    await expect(storagePoolHandler.create(hosts.ctx(), A, pool(['h7']))).rejects.toMatchObject({
      code: 'not_found',
      message: 'host "h7" is not declared: add an nssv_host with name = "h7"',
    });
  });
});
