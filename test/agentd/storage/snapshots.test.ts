/**
 * Dir pool snapshots as external qcow2 layers, against the real qemu-img (qemu-io writes the
 * data, qemu-img compare checks it).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QemuImg } from '../../../agentd/drivers/qemu-img.js';
import { DirSnapshots } from '../../../agentd/storage/snapshots.js';
import type { LiveDisks } from '../../../agentd/storage/liveSnapshot.js';
import { PoolLayout } from '../../../agentd/storage/layout.js';
import { writeJsonRecord } from '../../../agentd/storage/records.js';
import { realExec } from '../../../agentd/util/exec.js';
import { describeE2e } from '../../helpers/e2e.js';

describeE2e('DirSnapshots (real qemu-img)', { tools: ['qemu-img', 'qemu-io'] }, () => {
  let root: string;
  let layout: PoolLayout;
  let running: string[];
  let snaps: DirSnapshots;
  const qemuImg = new QemuImg(realExec);
  const image = (v: string) => layout.volumePath('p', v, 'qcow2');
  const write = (v: string, pattern: number, offsetMiB: number) =>
    realExec('qemu-io', ['-f', 'qcow2', '-c', `write -P ${pattern} ${offsetMiB}M 1M`, image(v)]);
  const same = async (a: string, b: string) =>
    (await realExec('qemu-img', ['compare', '-q', a, b])).exitCode === 0;
  const copy = async (v: string, name: string) => {
    const out = join(root, name);
    await qemuImg.convert(image(v), 'qcow2', out, 'qcow2');
    return out;
  };

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'nssv-snaps-'));
    layout = new PoolLayout(root);
    running = [];
    snaps = new DirSnapshots(layout, qemuImg, async () => running);
    await mkdir(layout.volumeRecordDir('p'), { recursive: true });
    await writeJsonRecord(layout.volumeRecord('p', 'v'), { address: 'nssv_volume.v', format: 'qcow2' });
    await qemuImg.create(image('v'), 'qcow2', 1);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('GIVEN data WHEN a snapshot is taken THEN the image is an empty overlay on the frozen layer, listed with its address', async () => {
    await write('v', 0x11, 0);
    const before = await copy('v', 'a.qcow2');
    const info = await snaps.put('p', 'v', 's1', { address: 'nssv_volume_snapshot.s1' });
    expect(info).toMatchObject({ pool: 'p', volume: 'v', name: 's1', address: 'nssv_volume_snapshot.s1' });
    expect((await qemuImg.info(image('v'))).backingFile).toBe(layout.snapshotPath('p', 'v', 's1'));
    expect(await same(image('v'), before)).toBe(true);
    expect(await snaps.list('p', 'v')).toEqual([info]);
    // idempotent: the same PUT changes nothing
    expect(await snaps.put('p', 'v', 's1', { address: 'nssv_volume_snapshot.s1' })).toEqual(info);
  });

  it('GIVEN more data after a snapshot WHEN reverted THEN the volume reads as at the snapshot', async () => {
    await write('v', 0x11, 0);
    const a = await copy('v', 'a.qcow2');
    await snaps.put('p', 'v', 's1', { address: 'a1' });
    await write('v', 0x22, 0);
    expect(await same(image('v'), a)).toBe(false);
    await snaps.revert('p', 'v', 's1');
    expect(await same(image('v'), a)).toBe(true);
  });

  it('GIVEN a chain s1 <- s2 <- image WHEN s1 is deleted THEN its data is pulled into s2 and the image reads the same', async () => {
    await write('v', 0x11, 0);
    await snaps.put('p', 'v', 's1', { address: 'a1' });
    await write('v', 0x22, 2);
    await snaps.put('p', 'v', 's2', { address: 'a2' });
    await write('v', 0x33, 4);
    const now = await copy('v', 'now.qcow2');
    expect(await snaps.delete('p', 'v', 's1')).toEqual({ deleted: true });
    expect(existsSync(layout.snapshotPath('p', 'v', 's1'))).toBe(false);
    expect((await qemuImg.info(layout.snapshotPath('p', 'v', 's2'))).backingFile).toBeUndefined();
    expect(await same(image('v'), now)).toBe(true);
    expect((await snaps.list('p', 'v')).map((s) => s.name)).toEqual(['s2']);
    expect(await snaps.delete('p', 'v', 's1')).toEqual({ deleted: false });
  });

  it('GIVEN a running domain holding the image WHEN a snapshot is asked THEN 409 naming the domain and the fix, nothing changed', async () => {
    running = ['web'];
    await expect(snaps.put('p', 'v', 's1', { address: 'a1' })).rejects.toThrow(
      'cannot take a snapshot of volume "v" while running domain(s) web use it: a dir pool\'s snapshots are made with qemu-img on an image no running VM holds open; set power_state = "shutoff" on the VM first',
    );
    expect((await qemuImg.info(image('v'))).backingFile).toBeUndefined();
  });

  it('GIVEN a raw volume WHEN a snapshot is asked THEN 409 saying snapshots need qcow2', async () => {
    await writeJsonRecord(layout.volumeRecord('p', 'r'), { address: 'nssv_volume.r', format: 'raw' });
    await qemuImg.create(layout.volumePath('p', 'r', 'raw'), 'raw', 1);
    await expect(snaps.put('p', 'r', 's1', { address: 'a1' })).rejects.toThrow(
      'volume "r" in pool "p" is raw: snapshots in a dir pool are qcow2 layers; recreate the volume with format = "qcow2"',
    );
  });

  it('GIVEN a snapshot WHEN a linked and a full volume are made from it THEN both read as the snapshot; the linked one is a clone of v', async () => {
    await write('v', 0x11, 0);
    await snaps.put('p', 'v', 's1', { address: 'a1' });
    await write('v', 0x22, 0);
    const layer = layout.snapshotPath('p', 'v', 's1');
    await snaps.materialize('p', { volume: 'v', snapshot: 's1', mode: 'linked' }, image('l'), 'qcow2', 2);
    await snaps.materialize('p', { volume: 'v', snapshot: 's1', mode: 'full' }, image('f'), 'qcow2', 1);
    expect((await qemuImg.info(image('l'))).backingFile).toBe(layer);
    expect((await qemuImg.info(image('f'))).backingFile).toBeUndefined();
    expect(await same(image('f'), layer)).toBe(true);
    await writeJsonRecord(layout.volumeRecord('p', 'l'), {
      address: 'nssv_volume.l',
      format: 'qcow2',
      fromSnapshot: { volume: 'v', snapshot: 's1', mode: 'linked' },
    });
    expect(await snaps.clonesOf('p', 'v')).toEqual(['l']);
    await expect(
      snaps.materialize('p', { volume: 'v', snapshot: 's1', mode: 'linked' }, image('x'), 'raw', 1),
    ).rejects.toThrow(
      'a linked volume in a dir pool is a qcow2 overlay on the snapshot: set format = "qcow2", or clone_mode = "full"',
    );
  });

  describe('a running domain on the chain (libvirt simulated on the files, qemu-img real)', () => {
    let calls: string[];
    let active: string;
    let failCopies: number;
    const undone: string[] = [];
    const scratchDir = () => join(root, 'p', '.nssv', 'scratch');
    // What libvirt does, on the files: a shallow block copy writes the active layer's data into
    // `dest` (already backed by an equal chain) and QEMU continues there; a block pull with a base
    // is a rebase of the active image.
    const disks: LiveDisks = {
      runningDiskOf: async (path) =>
        path === active ? { domain: 'web', target: 'vda', others: ['vdb'] } : undefined,
      snapshotDiskOnly: async () => {
        throw new Error('not expected');
      },
      blockCopyPivot: async (d, t, dest) => {
        calls.push(`blockcopy ${d} ${t} ${dest}`);
        if (failCopies > 0 && calls.filter((c) => c.startsWith('blockcopy')).length >= 2) {
          failCopies--;
          throw new Error('blockcopy failed');
        }
        const backing = (await qemuImg.info(dest)).backingFile!;
        await copyFile(active, `${dest}.tmp`);
        await realExec('qemu-img', [
          'rebase',
          '-u',
          '-f',
          'qcow2',
          '-b',
          backing,
          '-F',
          'qcow2',
          `${dest}.tmp`,
        ]);
        await rename(`${dest}.tmp`, dest);
        active = dest;
      },
      blockCommitActive: async () => {
        throw new Error('not expected');
      },
      blockPull: async (d, t, base) => {
        calls.push(`blockpull ${d} ${t} ${base}`);
        await qemuImg.rebase(active, base);
      },
    };
    const chainOfThree = async () => {
      await write('v', 0x11, 0);
      await snaps.put('p', 'v', 's1', { address: 'a1' });
      await write('v', 0x22, 2);
      await snaps.put('p', 'v', 's2', { address: 'a2' });
      await write('v', 0x33, 4);
      active = image('v');
      snaps = new DirSnapshots(
        layout,
        qemuImg,
        async () => [],
        { onUndoFailure: (f) => void undone.push(f.error) },
        disks,
      );
    };

    beforeEach(() => {
      calls = [];
      failCopies = 0;
      undone.length = 0;
    });

    it('GIVEN s1 <- s2 <- image, the image a running disk WHEN s1 is deleted THEN s2 gets its data by two block copies and the domain ends on the image, reading the same; no scratch file left', async () => {
      await chainOfThree();
      const now = await copy('v', 'now.qcow2');
      const s2 = layout.snapshotPath('p', 'v', 's2');
      const atS2 = join(root, 's2.qcow2');
      await qemuImg.convert(s2, 'qcow2', atS2, 'qcow2');
      expect(await snaps.delete('p', 'v', 's1')).toEqual({ deleted: true });
      expect(calls).toEqual([
        `blockcopy web vda ${join(scratchDir(), 'v.interim.qcow2')}`,
        `blockcopy web vda ${image('v')}`,
      ]);
      expect(active).toBe(image('v'));
      expect((await qemuImg.info(image('v'))).backingFile).toBe(s2);
      expect((await qemuImg.info(s2)).backingFile).toBeUndefined();
      expect(await same(image('v'), now)).toBe(true);
      expect(await same(s2, atS2)).toBe(true);
      expect(existsSync(layout.snapshotPath('p', 'v', 's1'))).toBe(false);
      expect(readdirSync(scratchDir())).toEqual([]);
    });

    it('GIVEN s1 <- s2 <- image, the image a running disk WHEN s2 is deleted THEN the image pulls it in live (blockpull --base s1)', async () => {
      await chainOfThree();
      const now = await copy('v', 'now.qcow2');
      const s1 = layout.snapshotPath('p', 'v', 's1');
      expect(await snaps.delete('p', 'v', 's2')).toEqual({ deleted: true });
      expect(calls).toEqual([`blockpull web vda ${s1}`]);
      expect((await qemuImg.info(image('v'))).backingFile).toBe(s1);
      expect(await same(image('v'), now)).toBe(true);
      expect(existsSync(layout.snapshotPath('p', 'v', 's2'))).toBe(false);
    });

    it('GIVEN the first block copy fails WHEN s1 is deleted THEN the files are as before (s2 on s1), the domain on the image, the error stands', async () => {
      await chainOfThree();
      const s1 = layout.snapshotPath('p', 'v', 's1');
      const s2 = layout.snapshotPath('p', 'v', 's2');
      const oldDisks = disks.blockCopyPivot;
      disks.blockCopyPivot = async (d, t, dest) => {
        calls.push(`blockcopy ${d} ${t} ${dest}`);
        throw new Error('blockcopy failed');
      };
      try {
        await expect(snaps.delete('p', 'v', 's1')).rejects.toThrow('blockcopy failed');
      } finally {
        disks.blockCopyPivot = oldDisks;
      }
      expect(active).toBe(image('v'));
      expect((await qemuImg.info(s2)).backingFile).toBe(s1);
      expect((await qemuImg.info(image('v'))).backingFile).toBe(s2);
      expect((await snaps.list('p', 'v')).map((s) => s.name)).toEqual(['s1', 's2']);
      expect(readdirSync(scratchDir())).toEqual([]);
      expect(undone).toEqual([]);
    });

    it('GIVEN the second block copy fails once WHEN s1 is deleted THEN the undo puts the domain on the image (new chain), the error stands, and deleting again finishes', async () => {
      await chainOfThree();
      const now = await copy('v', 'now.qcow2');
      failCopies = 1;
      await expect(snaps.delete('p', 'v', 's1')).rejects.toThrow('blockcopy failed');
      expect(active).toBe(image('v'));
      expect(await same(image('v'), now)).toBe(true);
      expect((await qemuImg.info(layout.snapshotPath('p', 'v', 's2'))).backingFile).toBeUndefined();
      expect(readdirSync(scratchDir())).toEqual([]);
      expect(undone).toEqual([]);
      expect(await snaps.delete('p', 'v', 's1')).toEqual({ deleted: true });
      expect((await snaps.list('p', 'v')).map((s) => s.name)).toEqual(['s2']);
    });

    it('GIVEN the second block copy fails twice WHEN s1 is deleted THEN the domain stays on the scratch overlay, a consistent chain reading the same data, the volume path reads through it, and the failed undo is recorded', async () => {
      await chainOfThree();
      const now = await copy('v', 'now.qcow2');
      failCopies = 2;
      await expect(snaps.delete('p', 'v', 's1')).rejects.toThrow('blockcopy failed');
      expect(active).toBe(join(scratchDir(), 'v.interim.qcow2'));
      expect(await same(active, now)).toBe(true);
      expect((await qemuImg.info(active)).backingFile).toBe(layout.snapshotPath('p', 'v', 's2'));
      expect((await qemuImg.info(image('v'))).backingFile).toBe(active);
      expect(await same(image('v'), now)).toBe(true);
      expect(readdirSync(scratchDir())).toEqual(['v.interim.qcow2']);
      expect(undone).toEqual([
        `blockcopy failed; domain web keeps running on ${active}, which ${image('v')} now reads through (a restart of the VM reads all its data)`,
      ]);
    });
  });
});
