import { type FileHandle, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StateResource } from '../../planner/state/types.js';
import type { Codec } from '../../provider/state/encryption/codec.js';
import { STATE_FILE } from '../../provider/state/localState.js';

/** Where the journal lives: under the configuration's .nssv/ directory (private to this machine). */
export const JOURNAL_PATH = join('.nssv', 'apply.journal');

/**
 * Write-ahead record of the creates an apply starts. An apply killed after an agent created
 * something but before the state recorded it leaves its entry here; the next plan reads those
 * objects back from their hosts (they carry their address), so nothing created is forgotten —
 * even if the configuration no longer wants it, in which case the plan deletes it. Entries are
 * encrypted like the state when the configuration encrypts it (they hold planned attributes).
 */
export class ApplyJournal {
  readonly path: string;
  /** Where versions before .nssv/ kept it (read and cleared, never written). */
  private readonly legacyPath: string;
  /** The journal opened for appending by `started` (made with its directory when missing, mode 0600). */
  private appending: Promise<FileHandle> | undefined;

  constructor(
    readonly dir: string,
    private readonly codec?: Codec,
  ) {
    this.path = join(dir, JOURNAL_PATH);
    this.legacyPath = join(dir, `${STATE_FILE}.journal`);
  }

  /**
   * Called before a create runs: the planned instance, as it will be recorded if it succeeds.
   * One line, one write on a file kept open for appending until `close` (or `retain`/`clear`):
   * an apply of 20,000 creates would otherwise make and open the directory, open, write and close
   * the file 20,000 times. Concurrent calls append whole lines (O_APPEND), in no particular order.
   */
  async started(resource: StateResource): Promise<void> {
    const plain = JSON.stringify(resource);
    const line = this.codec ? (await this.codec.encode(plain)).trimEnd() : plain;
    const fh = await (this.appending ??= this.openForAppend());
    const bytes = Buffer.from(line + '\n', 'utf8');
    const { bytesWritten } = await fh.write(bytes);
    // A regular file takes a write whole or fails; a short one (a full disk) is an error here.
    if (bytesWritten !== bytes.length)
      throw new Error(
        `${this.path}: only ${bytesWritten} of ${bytes.length} bytes of a journal entry were written (is the disk full?); free space, then run the apply again`,
      );
  }

  private async openForAppend(): Promise<FileHandle> {
    try {
      await mkdir(join(this.dir, '.nssv'), { recursive: true, mode: 0o700 });
      return await open(this.path, 'a', 0o600);
    } catch (e) {
      this.appending = undefined;
      throw e;
    }
  }

  /** Lets go of the file `started` appends to (the entries stay); safe to call more than once. */
  async close(): Promise<void> {
    const appending = this.appending;
    this.appending = undefined;
    const fh = await appending?.catch(() => undefined);
    await fh?.close();
  }

  /** Instances whose create was started by an apply that did not finish. */
  async pending(): Promise<StateResource[]> {
    const byAddress = new Map<string, StateResource>();
    for (const path of [this.legacyPath, this.path]) {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          const plain = this.codec ? await this.codec.decode(line, path) : line;
          const r = JSON.parse(plain) as StateResource;
          if (typeof r.address === 'string' && typeof r.type === 'string') byAddress.set(r.address, r);
        } catch (e) {
          if (!(e instanceof SyntaxError)) throw e;
          // a line cut short by the crash itself: that create never reached an agent
        }
      }
    }
    return [...byAddress.values()];
  }

  async clear(): Promise<void> {
    await this.close();
    await rm(this.path, { force: true });
    await rm(this.legacyPath, { force: true });
  }

  /**
   * Keeps only the entries of `addresses` (cleared when none is left): after an apply, the creates
   * that failed, whose host may have done them all the same (agent killed, answer lost).
   */
  async retain(addresses: ReadonlySet<string>): Promise<void> {
    await this.close();
    const kept = (await this.pending()).filter((r) => addresses.has(r.address));
    if (kept.length === 0) return this.clear();
    const next = `${this.path}.next`;
    await writeFile(next, kept.map((r) => JSON.stringify(r) + '\n').join(''), { mode: 0o600 });
    await rename(next, this.path);
  }
}
