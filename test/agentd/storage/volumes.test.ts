import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GIB } from '../../../agentd/drivers/qemu-img.js';
import { FakeExec } from '../fake-exec.js';
import { startTestAgent, type TestAgent } from '../harness.js';

/** qemu-img that really writes a file and remembers its size; virsh lists no domains. */
function fakeTools(): FakeExec {
  const sizes = new Map<string, number>();
  return (
    new FakeExec()
      .on('qemu-img create', async ({ args }) => {
        await new Promise((r) => setTimeout(r, 20));
        await writeFile(args[4]!, 'image');
        sizes.set(args[4]!, Number(args[5]!.replace('G', '')) * GIB);
        return {};
      })
      .on('qemu-img info', ({ args }) => ({
        stdout: JSON.stringify({
          format: args[3]!.endsWith('.raw') ? 'raw' : 'qcow2',
          'virtual-size': sizes.get(args[3]!),
          'actual-size': 4096,
        }),
      }))
      .on('qemu-img resize', ({ args }) => {
        sizes.set(args[4]!, Number(args[5]!.replace('G', '')) * GIB);
        return {};
      })
      .on('virsh', { stdout: '' })
      // As many empty tables as the call lists (each read after `--columns=`).
      .on('ovs-vsctl', ({ args }) => ({
        stdout: `${EMPTY_TABLE}\n`.repeat(args.filter((a) => a.startsWith('--columns=')).length),
      }))
  );
}

const EMPTY_TABLE = '{"data":[],"headings":[]}';

describe('volumes over HTTP (fake qemu-img)', () => {
  let fake: FakeExec;
  let agent: TestAgent;
  beforeEach(async () => {
    fake = fakeTools();
    agent = await startTestAgent(fake.exec);
    expect((await agent.request('PUT', '/v1/pools/p1', { address: 'nssv_storage_pool.p1' })).status).toBe(
      200,
    );
  });
  afterEach(() => agent.close());

  const spec = { address: 'nssv_volume.v1', sizeGiB: 1, format: 'qcow2' };

  it('GIVEN the same PUT sent three times concurrently WHEN they finish THEN the image was created once and all return the volume', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => agent.request('PUT', '/v1/pools/p1/volumes/v1', spec)),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(fake.lines('qemu-img create')).toHaveLength(1);
    expect(results[2]!.body).toEqual({
      pool: 'p1',
      name: 'v1',
      address: 'nssv_volume.v1',
      format: 'qcow2',
      sizeGiB: 1,
      path: join(agent.storageRoot, 'p1', 'v1.qcow2'),
      allocatedBytes: 4096,
    });
    expect(
      JSON.parse(await readFile(join(agent.storageRoot, 'p1', '.nssv', 'volumes', 'v1.json'), 'utf8')),
    ).toEqual({
      address: 'nssv_volume.v1',
      format: 'qcow2',
    });
  });

  it('GIVEN a volume WHEN PUT with a larger size THEN it grows in place; with a smaller size THEN 409 and nothing changes', async () => {
    await agent.request('PUT', '/v1/pools/p1/volumes/v1', spec);
    const grown = await agent.request('PUT', '/v1/pools/p1/volumes/v1', { ...spec, sizeGiB: 3 });
    expect(grown).toMatchObject({ status: 200, body: { sizeGiB: 3 } });
    const shrink = await agent.request('PUT', '/v1/pools/p1/volumes/v1', { ...spec, sizeGiB: 2 });
    expect(shrink.status).toBe(409);
    expect(shrink.body).toEqual({
      error: {
        code: 'conflict',
        message: `refusing to shrink volume ${join(agent.storageRoot, 'p1', 'v1.qcow2')} from 3 GiB to 2 GiB: shrinking destroys data; create a new, smaller volume instead`,
      },
    });
    expect(fake.lines('qemu-img resize')).toHaveLength(1);
  });

  it('GIVEN a volume WHEN PUT with another format THEN 409 saying the format cannot change in place', async () => {
    await agent.request('PUT', '/v1/pools/p1/volumes/v1', spec);
    const res = await agent.request('PUT', '/v1/pools/p1/volumes/v1', { ...spec, format: 'raw' });
    expect(res.body).toEqual({
      error: {
        code: 'conflict',
        message:
          'volume "v1" in pool "p1" is qcow2, not raw: the format cannot change in place; delete and recreate the volume',
      },
    });
  });

  it('GIVEN a volume WHEN DELETE twice THEN the first deletes it and the second answers deleted:false with 200', async () => {
    await agent.request('PUT', '/v1/pools/p1/volumes/v1', spec);
    expect(await agent.request('DELETE', '/v1/pools/p1/volumes/v1')).toMatchObject({
      status: 200,
      body: { deleted: true },
    });
    expect(await agent.request('DELETE', '/v1/pools/p1/volumes/v1')).toMatchObject({
      status: 200,
      body: { deleted: false },
    });
    expect((await agent.request('GET', '/v1/inventory')).body).toMatchObject({ volumes: [] });
  });

  it('GIVEN a missing pool WHEN a volume is PUT THEN 404 naming the pool', async () => {
    const res = await agent.request('PUT', '/v1/pools/nope/volumes/v1', spec);
    expect(res).toMatchObject({
      status: 404,
      body: {
        error: {
          code: 'not_found',
          message: 'pool "nope" does not exist on this host; create it first (PUT /v1/pools/nope)',
        },
      },
    });
  });

  it('GIVEN a pool with a volume WHEN the pool is deleted THEN 409; once the volume is gone THEN it is deleted', async () => {
    await agent.request('PUT', '/v1/pools/p1/volumes/v1', spec);
    expect(await agent.request('DELETE', '/v1/pools/p1')).toMatchObject({
      status: 409,
      body: { error: { message: 'pool "p1" still holds 1 volume(s): v1; delete them first' } },
    });
    await agent.request('DELETE', '/v1/pools/p1/volumes/v1');
    expect(await agent.request('DELETE', '/v1/pools/p1')).toMatchObject({
      status: 200,
      body: { deleted: true },
    });
    expect(await agent.request('DELETE', '/v1/pools/p1')).toMatchObject({
      status: 200,
      body: { deleted: false },
    });
  });

  it('GIVEN qemu-img create fails WHEN a volume is PUT THEN tool_failed and no record or image is left', async () => {
    fake = new FakeExec().on('qemu-img create', { exitCode: 1, stderr: 'qemu-img: disk full' });
    const other = await startTestAgent(fake.exec);
    try {
      await other.request('PUT', '/v1/pools/p1', { address: 'a' });
      const res = await other.request('PUT', '/v1/pools/p1/volumes/v1', spec);
      expect(res.status).toBe(502);
      expect(res.body).toMatchObject({
        error: {
          message:
            'create qcow2 image ' +
            join(other.storageRoot, 'p1', 'v1.qcow2') +
            ': qemu-img exited with 1: qemu-img: disk full',
        },
      });
      expect(await readdir(join(other.storageRoot, 'p1'))).toEqual(['.nssv']);
      expect(await readdir(join(other.storageRoot, 'p1', '.nssv'))).toEqual(['pool.json']);
    } finally {
      await other.close();
    }
  });
});
