/** Checks on the directories the user names (--root, --emit) before anything is started. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { errors } from './errors.js';

export interface DirectoryOption {
  /** How the user gave it, e.g. `--emit /tmp/qa/afile` or `NSSV_SANDBOX_ROOT=/x`. */
  origin: string;
  /** What the directory is for, e.g. "where sandbox.tf is written". */
  takes: string;
  /** The fix, e.g. "pass a directory." */
  fix: string;
}

/**
 * Throws (invalid_option) when `dir`, or the nearest ancestor that exists, is not a directory.
 * A missing directory is fine (it is created); other errors are left to the step that needs it.
 */
export function assertDirectoryOrAbsent(dir: string, opt: DirectoryOption): void {
  const target = path.resolve(dir);
  for (let p = target; ; p = path.dirname(p)) {
    let isDir: boolean;
    let kind: string;
    try {
      const st = statSync(p);
      isDir = st.isDirectory();
      kind = st.isFile() ? 'a file' : 'not a directory';
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && p !== path.dirname(p)) continue;
      return;
    }
    if (isDir) return;
    throw errors.notADirectory(opt.origin, p, p === target, kind, opt.takes, opt.fix);
  }
}

export const ROOT_TAKES = 'where the sandbox keeps its state and host files';

export function assertRootDirectory(root: string, origin: string): void {
  assertDirectoryOrAbsent(root, {
    origin,
    takes: ROOT_TAKES,
    fix: 'pass a directory (it is created if missing), or move the file away.',
  });
}

export function assertEmitDirectory(emitDir: string): void {
  assertDirectoryOrAbsent(emitDir, {
    origin: `--emit ${emitDir}`,
    takes: 'where sandbox.tf is written',
    fix: 'pass a directory (it is created if missing).',
  });
}
