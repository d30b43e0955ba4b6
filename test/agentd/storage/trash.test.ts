/** The host's trash for dir pools' volumes, against the real qemu-img. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QemuImg } from '../../../agentd/drivers/qemu-img.js';
import { DirSnapshots } from '../../../agentd/storage/snapshots.js';
import { PoolLayout } from '../../../agentd/storage/layout.js';
import { readJsonRecord, writeJsonRecord } from '../../../agentd/storage/records.js';
import { DirTrash, trashId } from '../../../agentd/storage/trash.js';
import { realExec } from '../../../agentd/util/exec.js';
import { describeE2e } from '../../helpers/e2e.js';

describeE2e('DirTrash (real qemu-img)', { tools: ['qemu-img'] }, () => {
  let root: string;
  let layout: PoolLayout;
  let users: string[];
  let now: Date;
  let trash: DirTrash;
  const qemuImg = new QemuImg(realExec);

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'nssv-trash-'));
    layout = new PoolLayout(root);
    users = [];
    now = new Date('2026-12-05T03:00:00.000Z');
    trash = new DirTrash(
      layout,
      qemuImg,
      async () => users,
      async () => undefined,
      {},
      () => now,
    );
    await mkdir(layout.volumeRecordDir('p'), { recursive: true });
    await writeJsonRecord(layout.poolMarker('p'), { address: 'nssv_storage_pool.p' });
    await writeJsonRecord(layout.volumeRecord('p', 'v'), { address: 'nssv_volume.v', format: 'qcow2' });
    await qemuImg.create(layout.volumePath('p', 'v', 'qcow2'), 'qcow2', 2);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('GIVEN a volume with a snapshot WHEN trashed and restored THEN everything is back at its path, the chain intact', async () => {
    await new DirSnapshots(layout, qemuImg, async () => []).put('p', 'v', 's1', { address: 'a1' });
    const entry = await trash.put('p', 'v', {
      address: 'nssv_volume.v',
      expiresAt: '2026-12-12T03:00:00.000Z',
    });
    expect(entry).toEqual({
      id: trashId('p', 'v', now),
      store: 'dir',
      pool: 'p',
      volume: 'v',
      address: 'nssv_volume.v',
      sizeGiB: 2,
      deletedAt: '2026-12-05T03:00:00.000Z',
      expiresAt: '2026-12-12T03:00:00.000Z',
    });
    expect(existsSync(layout.volumePath('p', 'v', 'qcow2'))).toBe(false);
    expect(existsSync(layout.snapshotDir('p', 'v'))).toBe(false);
    expect(await trash.list()).toEqual([entry]);
    // the same request again (a retry) answers the same entry
    expect(await trash.put('p', 'v', { address: 'nssv_volume.v', expiresAt: null })).toEqual(entry);
    expect(await trash.restore(entry.id)).toEqual(entry);
    expect((await qemuImg.info(layout.volumePath('p', 'v', 'qcow2'))).backingFile).toBe(
      layout.snapshotPath('p', 'v', 's1'),
    );
    expect(await readJsonRecord(layout.volumeRecord('p', 'v'))).toEqual({
      address: 'nssv_volume.v',
      format: 'qcow2',
    });
    expect(await trash.list()).toEqual([]);
  });

  it('GIVEN an entry past its expiry WHEN the trash is listed THEN it is purged', async () => {
    const entry = await trash.put('p', 'v', {
      address: 'nssv_volume.v',
      expiresAt: '2026-12-05T04:00:00.000Z',
    });
    now = new Date('2026-12-05T04:00:00.000Z');
    expect(await trash.list()).toEqual([]);
    expect(existsSync(layout.trashDir(entry.id))).toBe(false);
  });

  it('GIVEN a volume a domain uses WHEN trashed THEN 409 naming it; a name taken again WHEN restored THEN 409', async () => {
    users = ['web'];
    await expect(trash.put('p', 'v', { address: 'nssv_volume.v', expiresAt: null })).rejects.toThrow(
      'volume "v" in pool "p" is used by domain(s) web; delete or change those domains first',
    );
    users = [];
    const entry = await trash.put('p', 'v', { address: 'nssv_volume.v', expiresAt: null });
    await writeJsonRecord(layout.volumeRecord('p', 'v'), { address: 'nssv_volume.other', format: 'qcow2' });
    await expect(trash.restore(entry.id)).rejects.toThrow(
      `cannot restore ${entry.id}: pool "p" already has a volume "v"; delete or rename it first`,
    );
    expect(await trash.purge(entry.id)).toEqual({ deleted: true });
    expect(await trash.purge(entry.id)).toEqual({ deleted: false });
  });
});
