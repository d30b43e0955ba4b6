import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GIB } from '../../../agentd/drivers/qemu-img.js';
import { FakeExec } from '../fake-exec.js';
import { startTestAgent, type TestAgent } from '../harness.js';

const EMPTY_TABLE = '{"data":[],"headings":[]}';

/** qemu-img info answers from a table of images (path → what the image says); nothing else exists. */
function fakeTools(images: Record<string, { format: string; size: number; backing?: string }>): FakeExec {
  return new FakeExec()
    .on('qemu-img info', ({ args }) => {
      const i = images[args[3]!.split('/').pop()!];
      return i
        ? {
            stdout: JSON.stringify({
              format: i.format,
              'virtual-size': i.size,
              'actual-size': 4096,
              ...(i.backing ? { 'backing-filename': i.backing } : {}),
            }),
          }
        : { exitCode: 1, stderr: 'No such file' };
    })
    .on('virsh', { stdout: '' })
    .on('ovs-vsctl', ({ args }) => ({
      stdout: `${EMPTY_TABLE}\n`.repeat(args.filter((a) => a.startsWith('--columns=')).length),
    }));
}

describe('adopting image files put into a dir pool by hand (fake qemu-img)', () => {
  let fake: FakeExec;
  let agent: TestAgent;
  const put = async (file: string): Promise<void> =>
    writeFile(join(agent.storageRoot, 'p1', file), 'image bytes');
  beforeEach(async () => {
    fake = fakeTools({
      'hand.qcow2': { format: 'qcow2', size: GIB },
      'liar.qcow2': { format: 'raw', size: GIB },
      'half.raw': { format: 'raw', size: GIB / 2 },
      'over.qcow2': { format: 'qcow2', size: GIB, backing: '/images/base.qcow2' },
    });
    agent = await startTestAgent(fake.exec);
    expect((await agent.request('PUT', '/v1/pools/p1', { address: 'nssv_storage_pool.p1' })).status).toBe(
      200,
    );
  });
  afterEach(() => agent.close());

  it('GIVEN image files without records WHEN the inventory is read THEN those whose format matches their name are unmanaged', async () => {
    for (const f of ['hand.qcow2', 'liar.qcow2', 'half.raw', 'over.qcow2', 'notes.txt', 'Upper.qcow2'])
      await put(f);
    const inv = (await agent.request('GET', '/v1/inventory')).body as {
      unmanaged: unknown;
      volumes: unknown[];
    };
    expect(inv.volumes).toEqual([]);
    const path = (f: string) => join(agent.storageRoot, 'p1', f);
    expect(inv.unmanaged).toEqual({
      domains: [],
      switches: [],
      volumes: [
        {
          pool: 'p1',
          name: 'half',
          format: 'raw',
          sizeGiB: 0.5,
          path: path('half.raw'),
          allocatedBytes: 4096,
        },
        {
          pool: 'p1',
          name: 'hand',
          format: 'qcow2',
          sizeGiB: 1,
          path: path('hand.qcow2'),
          allocatedBytes: 4096,
        },
        {
          pool: 'p1',
          name: 'over',
          format: 'qcow2',
          sizeGiB: 1,
          path: path('over.qcow2'),
          allocatedBytes: 4096,
          backingFile: '/images/base.qcow2',
        },
      ],
    });
  });

  it('GIVEN an image file WHEN adopted (twice) THEN only its record is written and it is a managed volume', async () => {
    await put('hand.qcow2');
    const body = { address: 'nssv_volume.hand' };
    const first = await agent.request('PUT', '/v1/pools/p1/volumes/hand/adopt', body);
    const again = await agent.request('PUT', '/v1/pools/p1/volumes/hand/adopt', body);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ pool: 'p1', name: 'hand', address: 'nssv_volume.hand', sizeGiB: 1 });
    expect(await readFile(join(agent.storageRoot, 'p1', 'hand.qcow2'), 'utf8')).toBe('image bytes');
    expect(JSON.parse(await readFile(join(agent.storageRoot, 'p1/.nssv/volumes/hand.json'), 'utf8'))).toEqual(
      {
        ...body,
        format: 'qcow2',
      },
    );
    expect(fake.lines('qemu-img').every((l) => l.startsWith('qemu-img info'))).toBe(true);
    const other = await agent.request('PUT', '/v1/pools/p1/volumes/hand/adopt', { address: 'nssv_volume.x' });
    expect(other.status).toBe(409);
    expect(other.body).toEqual({
      error: {
        code: 'conflict',
        message:
          'volume "hand" of pool "p1" is already managed by nssv as nssv_volume.hand, not nssv_volume.x',
      },
    });
  });

  it('GIVEN files nssv cannot manage as they are WHEN adopted THEN each is refused with the fix', async () => {
    await put('half.raw');
    await put('over.qcow2');
    const half = await agent.request('PUT', '/v1/pools/p1/volumes/half/adopt', { address: 'nssv_volume.h' });
    expect(half.status).toBe(409);
    const file = join(agent.storageRoot, 'p1', 'half.raw');
    expect(half.body).toEqual({
      error: {
        code: 'conflict',
        message: `${file} cannot be adopted: its size (0.5 GiB) is not a whole number of GiB, as nssv volumes are; grow it first (qemu-img resize ${file} 1G)`,
      },
    });
    const over = await agent.request('PUT', '/v1/pools/p1/volumes/over/adopt', { address: 'nssv_volume.o' });
    const ofile = join(agent.storageRoot, 'p1', 'over.qcow2');
    expect(over.body).toEqual({
      error: {
        code: 'conflict',
        message: `${ofile} cannot be adopted: it is an overlay of /images/base.qcow2, which nssv does not manage; flatten it first (qemu-img rebase -b "" -F qcow2 ${ofile})`,
      },
    });
    const none = await agent.request('PUT', '/v1/pools/p1/volumes/gone/adopt', { address: 'nssv_volume.g' });
    expect(none.status).toBe(404);
    expect(none.body).toEqual({
      error: { code: 'not_found', message: 'no image file gone.qcow2 or gone.raw in pool "p1" on this host' },
    });
  });
});
