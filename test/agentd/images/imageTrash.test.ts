/** The host's trash for dir image stores' images, on a real directory tree. */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QemuImg } from '../../../agentd/drivers/qemu-img.js';
import { Images } from '../../../agentd/images/images.js';
import { DirImageTrash } from '../../../agentd/images/imageTrash.js';
import { ImageLayout } from '../../../agentd/images/layout.js';
import { writeJsonRecord } from '../../../agentd/storage/records.js';
import { trashId } from '../../../agentd/storage/trash.js';
import { realExec } from '../../../agentd/util/exec.js';

describe('DirImageTrash', () => {
  let root: string;
  let layout: ImageLayout;
  let linked: string[];
  let now: Date;
  let trash: DirImageTrash;
  const record = {
    address: 'nssv_image.debian',
    source: '/srv/debian.raw',
    format: 'raw',
    sha256: 'a'.repeat(64),
    sizeBytes: 4,
  };
  const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
  const spec = { address: 'nssv_image.debian', expiresAt: '2026-12-12T03:00:00.000Z' };

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'nssv-imgtrash-'));
    layout = new ImageLayout(root);
    linked = [];
    now = new Date('2026-12-05T03:00:00.000Z');
    const images = new Images(layout, new QemuImg(realExec), async () => linked);
    trash = new DirImageTrash(
      images,
      (from, to) => rename(from, to),
      {},
      () => now,
    );
    await mkdir(layout.recordDir('lib'), { recursive: true });
    await writeJsonRecord(layout.storeMarker('lib'), { address: 'nssv_image_storage.lib' });
    await writeJsonRecord(layout.record('lib', 'debian'), record);
    await writeFile(layout.imagePath('lib', 'debian', 'raw'), 'data');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('GIVEN an image WHEN trashed and restored THEN file and record are back at their paths, same content', async () => {
    const before = sha(layout.imagePath('lib', 'debian', 'raw'));
    const entry = await trash.put('lib', 'debian', spec);
    expect(entry).toEqual({
      id: trashId('lib', 'debian', now),
      store: 'dir',
      imageStore: 'lib',
      image: 'debian',
      address: 'nssv_image.debian',
      deletedAt: '2026-12-05T03:00:00.000Z',
      expiresAt: '2026-12-12T03:00:00.000Z',
    });
    expect(existsSync(layout.imagePath('lib', 'debian', 'raw'))).toBe(false);
    expect(existsSync(layout.record('lib', 'debian'))).toBe(false);
    expect(await trash.list()).toEqual([entry]);
    expect(await trash.has(entry.id)).toBe(true);

    expect(await trash.restore(entry.id)).toEqual(entry);
    expect(sha(layout.imagePath('lib', 'debian', 'raw'))).toBe(before);
    expect(JSON.parse(readFileSync(layout.record('lib', 'debian'), 'utf8'))).toEqual(record);
    expect(await trash.list()).toEqual([]);
  });

  it('GIVEN the image already trashed under the same address WHEN put again (another delete of it) THEN the same entry is returned', async () => {
    const entry = await trash.put('lib', 'debian', spec);
    expect(await trash.put('lib', 'debian', spec)).toEqual(entry);
  });

  it('GIVEN no such image WHEN trashed THEN not_found', async () => {
    await expect(trash.put('lib', 'other', spec)).rejects.toMatchObject({
      code: 'not_found',
      message: 'image store "lib" has no image "other"',
    });
  });

  it('GIVEN a linked clone of the image WHEN trashed THEN 409 naming it, the image stays', async () => {
    linked = ['local/root'];
    await expect(trash.put('lib', 'debian', spec)).rejects.toMatchObject({
      code: 'conflict',
      message:
        'image "debian" in store "lib" backs linked clone(s) local/root; delete those volumes first (or make them full clones)',
    });
    expect(existsSync(layout.imagePath('lib', 'debian', 'raw'))).toBe(true);
    expect(await trash.list()).toEqual([]);
  });

  it('GIVEN an image of the same name imported again WHEN restored THEN 409 and the entry stays', async () => {
    const entry = await trash.put('lib', 'debian', spec);
    await writeJsonRecord(layout.record('lib', 'debian'), record);
    await expect(trash.restore(entry.id)).rejects.toMatchObject({
      code: 'conflict',
      message: `cannot restore ${entry.id}: image store "lib" already has an image "debian"; delete it first`,
    });
    expect(await trash.has(entry.id)).toBe(true);
  });

  it('GIVEN the store gone WHEN restored THEN 409 saying to create it first', async () => {
    const entry = await trash.put('lib', 'debian', spec);
    rmSync(layout.storeDir('lib'), { recursive: true });
    await expect(trash.restore(entry.id)).rejects.toMatchObject({
      code: 'conflict',
      message: `cannot restore ${entry.id}: image store "lib" does not exist on this host; create it first`,
    });
  });

  it('GIVEN an entry past its expiry WHEN listed THEN it is purged; purge of an unknown id deletes nothing', async () => {
    const entry = await trash.put('lib', 'debian', spec);
    now = new Date('2026-12-12T03:00:00.000Z');
    expect(await trash.list()).toEqual([]);
    expect(existsSync(layout.trashDir(entry.id))).toBe(false);
    expect(await trash.purge(entry.id)).toEqual({ deleted: false });
  });

  it('GIVEN an entry WHEN purged THEN it is gone for good', async () => {
    const entry = await trash.put('lib', 'debian', spec);
    expect(await trash.purge(entry.id)).toEqual({ deleted: true });
    expect(await trash.list()).toEqual([]);
    expect(await trash.has(entry.id)).toBe(false);
  });
});
