/**
 * Volumes end to end with the real qemu-img in a temporary storage root, through agentd's HTTP
 * API (libvirt and OVS are faked: no domain uses the volumes, no bridges exist).
 */
import { execa } from 'execa';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Inventory, VolumeInfo } from '../../../schemas/generated/agentApi.js';
import { realExec, type Exec } from '../../../agentd/util/exec.js';
import { describeE2e } from '../../helpers/e2e.js';
import { startTestAgent, type TestAgent } from '../harness.js';

const EMPTY = '{"data":[],"headings":[]}';
const exec: Exec = async (file, args, options) => {
  if (file === 'virsh') return { exitCode: 0, stdout: '', stderr: '' };
  // As many empty tables as the call reads (one per `--columns=`).
  if (file === 'ovs-vsctl') {
    const tables = args.filter((a) => a.startsWith('--columns=')).length;
    return { exitCode: 0, stdout: `${EMPTY}\n`.repeat(tables), stderr: '' };
  }
  return realExec(file, args, options);
};

describeE2e('volumes with real qemu-img', { tools: ['qemu-img'] }, () => {
  let agent: TestAgent;
  beforeAll(async () => {
    agent = await startTestAgent(exec);
  });
  afterAll(() => agent.close());

  it('GIVEN a pool WHEN qcow2 and raw volumes are PUT THEN real images of the right format and size exist', async () => {
    expect((await agent.request('PUT', '/v1/pools/p1', { address: 'nssv_storage_pool.p1' })).status).toBe(
      200,
    );
    const q = await agent.request('PUT', '/v1/pools/p1/volumes/q1', {
      address: 'nssv_volume.q1',
      sizeGiB: 2,
      format: 'qcow2',
    });
    const r = await agent.request('PUT', '/v1/pools/p1/volumes/r1', {
      address: 'nssv_volume.r1',
      sizeGiB: 1,
      format: 'raw',
    });
    expect(q.body).toMatchObject({
      name: 'q1',
      format: 'qcow2',
      sizeGiB: 2,
      path: join(agent.storageRoot, 'p1', 'q1.qcow2'),
    });
    expect(r.body).toMatchObject({ name: 'r1', format: 'raw', sizeGiB: 1 });
    const info = JSON.parse(
      (await execa('qemu-img', ['info', '--output=json', join(agent.storageRoot, 'p1', 'q1.qcow2')])).stdout,
    );
    expect(info).toMatchObject({ format: 'qcow2', 'virtual-size': 2 * 1024 ** 3 });
    expect((await stat(join(agent.storageRoot, 'p1', 'r1.raw'))).size).toBe(1024 ** 3);
  });

  it('GIVEN a volume WHEN grown THEN qemu-img shows the new size; WHEN shrunk THEN 409 and the size stays', async () => {
    const grown = await agent.request('PUT', '/v1/pools/p1/volumes/q1', {
      address: 'nssv_volume.q1',
      sizeGiB: 5,
      format: 'qcow2',
    });
    expect((grown.body as VolumeInfo).sizeGiB).toBe(5);
    const shrunk = await agent.request('PUT', '/v1/pools/p1/volumes/q1', {
      address: 'nssv_volume.q1',
      sizeGiB: 1,
      format: 'qcow2',
    });
    expect(shrunk.status).toBe(409);
    const info = JSON.parse(
      (await execa('qemu-img', ['info', '--output=json', join(agent.storageRoot, 'p1', 'q1.qcow2')])).stdout,
    );
    expect(info['virtual-size']).toBe(5 * 1024 ** 3);
  });

  it('GIVEN the volumes WHEN the inventory is read THEN pools and volumes carry their addresses', async () => {
    const inv = (await agent.request('GET', '/v1/inventory')).body as Inventory;
    expect(inv.pools.map((p) => [p.name, p.address])).toEqual([['p1', 'nssv_storage_pool.p1']]);
    expect(inv.volumes.map((v) => [v.name, v.address, v.format, v.sizeGiB])).toEqual([
      ['q1', 'nssv_volume.q1', 'qcow2', 5],
      ['r1', 'nssv_volume.r1', 'raw', 1],
    ]);
  });

  it('GIVEN the volumes WHEN everything is deleted THEN the storage root is empty', async () => {
    for (const v of ['q1', 'r1'])
      expect((await agent.request('DELETE', `/v1/pools/p1/volumes/${v}`)).body).toEqual({ deleted: true });
    expect((await agent.request('DELETE', '/v1/pools/p1')).body).toEqual({ deleted: true });
    expect(await readdir(agent.storageRoot)).toEqual([]);
  });
});
