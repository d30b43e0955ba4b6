import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { emptyState, type State } from '../../planner/state/types.js';
import { stateErrors } from './errors.js';
import type { LockInfo } from './lockInfo.js';
import { stateProblem } from './stateShape.js';

export const STATE_FILE = 'nssv.tfstate';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded state backend: one JSON file in the configuration directory, written atomically
 * (temp file + rename, mode 0600: it holds sensitive values), with a backup of the previous
 * version and a lock file so only one apply runs at a time.
 */
export class LocalStateStore {
  readonly path: string;
  private readonly lockPath: string;
  private readonly backupPath: string;
  private locked = false;

  constructor(readonly dir: string) {
    this.path = join(dir, STATE_FILE);
    this.lockPath = `${this.path}.lock`;
    this.backupPath = `${this.path}.backup`;
  }

  async read(): Promise<State> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyState(randomUUID());
      throw e;
    }
    let s: State;
    try {
      s = JSON.parse(text) as State;
    } catch (e) {
      throw stateErrors.corrupt(
        this.path,
        `it is not JSON (${(e as Error).message})`,
        existsSync(this.backupPath),
      );
    }
    const problem = stateProblem(s);
    if (problem) throw stateErrors.corrupt(this.path, problem, existsSync(this.backupPath));
    return s;
  }

  /** Writes the next serial of the state; the previous file becomes the .backup. */
  async write(state: State): Promise<State> {
    const next: State = { ...state, serial: state.serial + 1 };
    const tmp = `${this.path}.tmp-${process.pid}`;
    await writeFile(tmp, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
    if (existsSync(this.path)) await copyFile(this.path, this.backupPath);
    await rename(tmp, this.path);
    return next;
  }

  async lock(operation: string): Promise<void> {
    const info: LockInfo = {
      pid: process.pid,
      host: hostname(),
      operation,
      startedAt: new Date().toISOString(),
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fh = await open(this.lockPath, 'wx', 0o600);
        await fh.writeFile(JSON.stringify(info) + '\n');
        await fh.close();
        this.locked = true;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = await this.holder();
        if (holder && holder.host === hostname() && !alive(holder.pid)) {
          await unlink(this.lockPath).catch(() => {});
          continue; // a crashed run's lock: take it over
        }
        throw stateErrors.locked(this.lockPath, holder);
      }
    }
    throw stateErrors.locked(this.lockPath, await this.holder());
  }

  async unlock(): Promise<void> {
    if (!this.locked) return;
    await unlink(this.lockPath).catch(() => {});
    this.locked = false;
  }

  private async holder(): Promise<LockInfo | undefined> {
    try {
      return JSON.parse(await readFile(this.lockPath, 'utf8')) as LockInfo;
    } catch {
      return undefined;
    }
  }
}
