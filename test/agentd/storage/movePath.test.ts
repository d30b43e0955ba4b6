/** Moving trash entries: rename on one filesystem, a sparse copy across two (the real cp, /dev/shm is tmpfs). */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { movePath } from '../../../agentd/storage/movePath.js';
import { type Exec, realExec } from '../../../agentd/util/exec.js';
import { describeE2e } from '../../helpers/e2e.js';

const MIB = 1024 * 1024;

describeE2e('movePath (real cp)', { tools: ['cp'] }, () => {
  let disk: string;
  let shm: string;
  const move = movePath(realExec);

  beforeEach(() => {
    disk = mkdtempSync(join(tmpdir(), 'nssv-move-'));
    shm = mkdtempSync('/dev/shm/nssv-move-');
    // The cross-filesystem cases below only mean something if these really are two filesystems.
    expect(statSync(shm).dev).not.toBe(statSync(disk).dev);
  });
  afterEach(() => {
    rmSync(disk, { recursive: true, force: true });
    rmSync(shm, { recursive: true, force: true });
  });

  it('GIVEN a file WHEN moved on its own filesystem THEN it is renamed (same inode)', async () => {
    writeFileSync(join(disk, 'a'), 'data');
    const inode = statSync(join(disk, 'a')).ino;
    await move(join(disk, 'a'), join(disk, 'b'));
    expect(existsSync(join(disk, 'a'))).toBe(false);
    expect(statSync(join(disk, 'b')).ino).toBe(inode);
  });

  it('GIVEN a sparse 256 MiB raw image with 1 MiB written WHEN moved to another filesystem THEN the data is there, still thin, and the source is gone', async () => {
    const from = join(shm, 'v.raw');
    writeFileSync(from, Buffer.alloc(MIB, 7));
    truncateSync(from, 256 * MIB);
    await move(from, join(disk, 'v.raw'));
    expect(existsSync(from)).toBe(false);
    const moved = statSync(join(disk, 'v.raw'));
    expect(moved.size).toBe(256 * MIB);
    expect(moved.blocks * 512).toBeLessThan(2 * MIB);
    expect(readFileSync(join(disk, 'v.raw')).subarray(0, MIB).equals(Buffer.alloc(MIB, 7))).toBe(true);
  });

  it('GIVEN a directory tree WHEN moved to another filesystem and back THEN every file is where it was, with its mode', async () => {
    mkdirSync(join(disk, 'snapshots', 'v'), { recursive: true });
    writeFileSync(join(disk, 'snapshots', 'v', 's1.json'), '{"address":"a"}', { mode: 0o600 });
    await move(join(disk, 'snapshots'), join(shm, 'snapshots'));
    expect(existsSync(join(disk, 'snapshots'))).toBe(false);
    expect(readFileSync(join(shm, 'snapshots', 'v', 's1.json'), 'utf8')).toBe('{"address":"a"}');
    await move(join(shm, 'snapshots'), join(disk, 'snapshots'));
    expect(existsSync(join(shm, 'snapshots'))).toBe(false);
    expect(statSync(join(disk, 'snapshots', 'v', 's1.json')).mode & 0o777).toBe(0o600);
  });

  it('GIVEN a copy across filesystems that fails half-way (disk full) WHEN moved THEN the error names the copy, the partial copy is removed and the source is untouched', async () => {
    const from = join(shm, 'v.qcow2');
    const to = join(disk, 'v.qcow2');
    writeFileSync(from, 'image');
    // cp as it fails on a full disk: part of the file written, exit 1.
    const fullDisk: Exec = async (file, args) => {
      writeFileSync(args.at(-1)!, 'ima');
      return { exitCode: 1, stdout: '', stderr: `${file}: error writing '${to}': No space left on device\n` };
    };
    await expect(movePath(fullDisk)(from, to)).rejects.toMatchObject({
      code: 'tool_failed',
      message: `copy ${from} to another filesystem: cp exited with 1: cp: error writing '${to}': No space left on device`,
    });
    expect(readFileSync(from, 'utf8')).toBe('image');
    expect(existsSync(to)).toBe(false);
  });
});
