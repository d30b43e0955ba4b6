import { rename, rm } from 'node:fs/promises';
import { runTool } from '../drivers/tool.js';
import type { Exec } from '../util/exec.js';

/** Moves a file or a directory tree to a new path (whose parent exists). */
export type MovePath = (from: string, to: string) => Promise<void>;

/** Copying a whole volume may take long; the tool's default minute is not enough. */
const COPY_TIMEOUT_MS = 6 * 60 * 60 * 1000;

/**
 * rename(2) where it can; across filesystems (EXDEV: a pool directory that is a mount of its own,
 * the trash on the storage root's filesystem) a copy with `cp -a --sparse=always` (ownership,
 * modes and holes kept: a raw image stays as thin as it was), then the source removed. A copy that
 * fails leaves the source as it was and removes what it had copied.
 */
export function movePath(exec: Exec): MovePath {
  return async (from, to) => {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    }
    try {
      await runTool(
        exec,
        'cp',
        ['-a', '--sparse=always', '--', from, to],
        `copy ${from} to another filesystem`,
        {
          timeoutMs: COPY_TIMEOUT_MS,
        },
      );
    } catch (e) {
      await rm(to, { recursive: true, force: true });
      throw e;
    }
    await rm(from, { recursive: true, force: true });
  };
}
