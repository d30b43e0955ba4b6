import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QemuImg } from '../../../agentd/drivers/qemu-img.js';
import { VolumeAdoption } from '../../../agentd/storage/adopt.js';
import { PoolLayout } from '../../../agentd/storage/layout.js';
import { Pools } from '../../../agentd/storage/pools.js';
import { FakeExec } from '../fake-exec.js';

/** A layout whose pool markers live outside the pool directories, so a pool's directory can vanish while its marker is still read. */
class MarkersElsewhere extends PoolLayout {
  constructor(
    root: string,
    private readonly markers: string,
  ) {
    super(root);
  }
  override poolMarker(pool: string): string {
    return join(this.markers, `${pool}.json`);
  }
}

describe('dir pools deleted by another request while they are read', () => {
  let dir: string;
  let pools: Pools;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nssv-pools-'));
    await mkdir(join(dir, 'root', 'p1'), { recursive: true });
    await mkdir(join(dir, 'markers'));
    await writeFile(join(dir, 'markers', 'p1.json'), '{"address":"nssv_storage_pool.p1"}');
    pools = new Pools(new MarkersElsewhere(join(dir, 'root'), join(dir, 'markers')));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('GIVEN a pool whose directory is removed after its marker was read WHEN it is got THEN it reads as absent', async () => {
    expect((await pools.get('p1'))?.name).toBe('p1');
    await rm(join(dir, 'root', 'p1'), { recursive: true });
    expect(await pools.get('p1')).toBeUndefined();
  });

  it('GIVEN a pool removed after it was listed WHEN its unmanaged image files are read THEN it holds none and nothing throws', async () => {
    const listed = await pools.list();
    expect(listed.map((p) => p.name)).toEqual(['p1']);
    await rm(join(dir, 'root', 'p1'), { recursive: true });
    const stale: Pick<Pools, 'list' | 'layout'> = { list: async () => listed, layout: pools.layout };
    const adoption = new VolumeAdoption(
      stale as Pools,
      { get: async () => undefined },
      new QemuImg(new FakeExec().exec),
    );
    expect(await adoption.unmanaged()).toEqual([]);
  });
});
