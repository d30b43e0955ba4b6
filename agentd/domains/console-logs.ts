import { mkdir, open, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** How much of a console log one request returns (the end of the file). */
export const CONSOLE_TAIL_BYTES = 256 * 1024;

/**
 * Serial console logs: libvirt (virtlogd) appends each domain's serial output to
 * <stateDir>/console/<domain>.log on the host; the agent serves the end of it.
 */
export class ConsoleLogs {
  private readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'console');
  }

  path(domain: string): string {
    return join(this.dir, `${domain}.log`);
  }

  async prepare(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  /** The last `maxBytes` of the log, or undefined when there is none. */
  async tail(
    domain: string,
    maxBytes = CONSOLE_TAIL_BYTES,
  ): Promise<{ text: string; truncated: boolean } | undefined> {
    const file = this.path(domain);
    const st = await stat(file).catch(() => undefined);
    if (!st) return undefined;
    const start = Math.max(0, st.size - maxBytes);
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(st.size - start);
      await fh.read(buf, 0, buf.length, start);
      return { text: buf.toString('utf8'), truncated: start > 0 };
    } finally {
      await fh.close();
    }
  }
}
