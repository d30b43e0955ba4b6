import { existsSync } from 'node:fs';
import { copyFile, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { stateErrors } from '../errors.js';
import type { LockInfo } from '../lockInfo.js';
import type { StateBackend, StateVersion } from './backend.js';
import { ChangeLog } from './changeLog.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A state file's text, decoded as it is read. Decoding the whole Buffer at once promotes ~10 MiB
 * less (readFile with an encoding builds a string of many parts, flattened on first use), but a
 * 21,005-instance plan took 0.01-0.11 s longer with it (5 sets of 10-14 paired runs,
 * bench/README.md "scale"): one 12 MB decode costs the main thread more than the flattening.
 */
async function readWhole(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

async function fileTag(path: string): Promise<string> {
  const s = await stat(path, { bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** serial and lineage of a stored text (plain state and encrypted envelope both carry them). */
export function versionOf(text: string): { serial: number; lineage: string } | undefined {
  try {
    const o = JSON.parse(text) as { serial?: unknown; lineage?: unknown };
    if (typeof o.serial === 'number' && typeof o.lineage === 'string')
      return { serial: o.serial, lineage: o.lineage };
  } catch {
    // not JSON
  }
  return undefined;
}

/**
 * The embedded backend: one file (default nssv.tfstate next to the configuration), written
 * atomically (temp file + rename, mode 0600), the previous version kept as FILE.backup, and a
 * lock file FILE.lock holding the holder's identity. A lock left by a process that died on this
 * machine is taken over. An apply appends its steps' changes to FILE.changes between whole
 * writes (see ChangeLog).
 */
export class LocalBackend implements StateBackend {
  readonly kind = 'local';
  readonly lockPath: string;
  readonly backupPath: string;
  readonly changeLog: ChangeLog;
  private held: LockInfo | undefined;

  constructor(readonly path: string) {
    this.lockPath = `${path}.lock`;
    this.backupPath = `${path}.backup`;
    this.changeLog = new ChangeLog(`${path}.changes`);
  }

  get where(): string {
    return this.path;
  }

  /**
   * The state file's identity when last read (device, inode, size, modification and change times
   * in ns), taken before and after the read and kept only when both agree and no change log is
   * there: a write (a new file renamed over it), an append to the change log or an edit in place
   * all change it.
   */
  textTag: string | undefined;

  async readText(): Promise<string | undefined> {
    this.textTag = undefined;
    try {
      const before = await fileTag(this.path);
      const text = await readWhole(this.path);
      const after = await fileTag(this.path);
      if (before === after && !existsSync(this.changeLog.path)) this.textTag = before;
      return text;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async storedTag(): Promise<string | undefined> {
    try {
      return existsSync(this.changeLog.path) ? undefined : await fileTag(this.path);
    } catch {
      return undefined;
    }
  }

  async writeText(text: string): Promise<void> {
    const tmp = `${this.path}.tmp-${process.pid}`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(text);
      await fh.sync(); // on disk before it replaces the state: a crash leaves the old or the new
    } finally {
      await fh.close();
    }
    if (existsSync(this.path)) await copyFile(this.path, this.backupPath);
    await rename(tmp, this.path);
  }

  async lock(info: LockInfo): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fh = await open(this.lockPath, 'wx', 0o600);
        await fh.writeFile(JSON.stringify(info) + '\n');
        await fh.close();
        this.held = info;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = await this.holder();
        if (holder && holder.host === hostname() && !alive(holder.pid)) {
          await unlink(this.lockPath).catch(() => {});
          continue; // a crashed run's lock: take it over
        }
        throw stateErrors.locked(this.where, holder, `delete ${this.lockPath}`);
      }
    }
    throw stateErrors.locked(this.where, await this.holder(), `delete ${this.lockPath}`);
  }

  async unlock(): Promise<void> {
    if (!this.held) return;
    const holder = await this.holder();
    // never remove a lock someone else took after a force-unlock
    if (!holder || holder.id === this.held.id) await unlink(this.lockPath).catch(() => {});
    this.held = undefined;
  }

  async forceUnlock(id: string): Promise<LockInfo> {
    const holder = await this.holder();
    if (!holder) throw stateErrors.notLocked(this.where, id);
    if (holder.id !== id) throw stateErrors.wrongLockId(this.where, id, holder);
    await unlink(this.lockPath);
    return holder;
  }

  async history(): Promise<StateVersion[]> {
    const out: StateVersion[] = [];
    for (const [path, current] of [
      [this.path, true],
      [this.backupPath, false],
    ] as const) {
      let text: string;
      try {
        text = await readWhole(path);
      } catch {
        continue;
      }
      const v = versionOf(text);
      if (!v) continue;
      const { mtime } = await stat(path);
      out.push({ ...v, createdAt: mtime.toISOString(), current });
    }
    return out;
  }

  async readVersion(serial: number): Promise<string | undefined> {
    for (const path of [this.path, this.backupPath]) {
      const text = await readWhole(path).catch(() => undefined);
      if (text !== undefined && versionOf(text)?.serial === serial) return text;
    }
    return undefined;
  }

  hasBackup(): boolean {
    return existsSync(this.backupPath);
  }

  async close(): Promise<void> {
    await this.unlock();
  }

  private async holder(): Promise<LockInfo | undefined> {
    try {
      // lock files of older nssv versions have no id and no who
      return JSON.parse(await readFile(this.lockPath, 'utf8')) as LockInfo;
    } catch {
      return undefined;
    }
  }
}
