import { open, readFile, rm } from 'node:fs/promises';

/** One line of the change log: an instance set (resource) or removed (null) on top of a stored state. */
export interface ChangeLogEntry {
  lineage: string;
  /** The serial of the stored state the change applies to. */
  serial: number;
  address: string;
  resource: unknown;
}

/**
 * An append-only file of instance changes made since the state file was last written whole
 * (FILE.changes, mode 0600). Each append is one write of whole lines and an fsync, so a change
 * is on disk before the step that made it counts as done. A reader applies the entries whose
 * lineage and serial are the stored state's; entries for an older serial were already written
 * into the state (the log is cleared after every whole write, and a crash between the two
 * leaves entries for the serial before).
 */
export class ChangeLog {
  constructor(readonly path: string) {}

  async append(entries: readonly ChangeLogEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const text = entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
    const fh = await open(this.path, 'a', 0o600);
    try {
      await fh.write(text);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return Buffer.byteLength(text);
  }

  /** The entries that apply to the stored state (lineage, serial), in order. */
  async read(lineage: string, serial: number): Promise<ChangeLogEntry[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const out: ChangeLogEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      let e: ChangeLogEntry;
      try {
        e = JSON.parse(line) as ChangeLogEntry;
      } catch {
        continue; // a line cut short by a crash: its step never counted as done
      }
      if (e.lineage === lineage && e.serial === serial && typeof e.address === 'string') out.push(e);
    }
    return out;
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
