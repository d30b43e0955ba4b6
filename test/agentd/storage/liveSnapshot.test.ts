import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LiveDisks, liveSnapshot } from '../../../agentd/storage/liveSnapshot.js';

describe('liveSnapshot', () => {
  let root: string;
  let calls: string[];
  let pivotFails: boolean;
  const paths = () => ({
    image: join(root, 'v.qcow2'),
    layer: join(root, 'snapshots', 'v', 's1.qcow2'),
    scratch: join(root, 'scratch', 'v.live.qcow2'),
  });
  const disks: LiveDisks = {
    runningDiskOf: async () => undefined,
    snapshotDiskOnly: async (d, t, file, others) => {
      calls.push(`snapshot ${d} ${t} ${file} others=${others.join(',')}`);
      writeFileSync(file, 'scratch');
    },
    blockCopyPivot: async (d, t, dest) => {
      calls.push(`blockcopy ${d} ${t} ${dest}`);
      if (pivotFails) throw new Error('blockcopy failed');
    },
    blockCommitActive: async (d, t) => void calls.push(`blockcommit ${d} ${t}`),
    blockPull: async (d, t, base) => void calls.push(`blockpull ${d} ${t} ${base}`),
  };
  const user = { domain: 'web', target: 'vda', others: ['vdb', 'sda'] };
  const overlay = async () => writeFileSync(paths().image, 'overlay');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nssv-live-'));
    calls = [];
    pivotFails = false;
    writeFileSync(paths().image, 'data');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('GIVEN a running domain WHEN snapshotted THEN the image becomes the layer, a new overlay takes its path and the domain is pivoted onto it', async () => {
    await liveSnapshot(disks, user, paths(), overlay);
    expect(calls).toEqual([
      `snapshot web vda ${paths().scratch} others=vdb,sda`,
      `blockcopy web vda ${paths().image}`,
    ]);
    expect(readFileSync(paths().layer, 'utf8')).toBe('data');
    expect(readFileSync(paths().image, 'utf8')).toBe('overlay');
    expect(existsSync(paths().scratch)).toBe(false);
  });

  it('GIVEN the pivot fails WHEN snapshotted THEN the layer is the image again, the scratch layer is merged back and removed, and the error stands', async () => {
    pivotFails = true;
    await expect(liveSnapshot(disks, user, paths(), overlay)).rejects.toThrow('blockcopy failed');
    expect(calls).toEqual([
      `snapshot web vda ${paths().scratch} others=vdb,sda`,
      `blockcopy web vda ${paths().image}`,
      'blockcommit web vda',
    ]);
    expect(readFileSync(paths().image, 'utf8')).toBe('data');
    expect(existsSync(paths().layer)).toBe(false);
    expect(existsSync(paths().scratch)).toBe(false);
  });
});
