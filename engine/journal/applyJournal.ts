import { appendFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StateResource } from '../../planner/state/types.js';
import { STATE_FILE } from '../../provider/state/localState.js';

/**
 * Write-ahead record of the creates an apply starts. An apply killed after an agent created
 * something but before the state recorded it leaves its entry here; the next plan reads those
 * objects back from their hosts (they carry their address), so nothing created is forgotten —
 * even if the configuration no longer wants it, in which case the plan deletes it.
 */
export class ApplyJournal {
  readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, `${STATE_FILE}.journal`);
  }

  /** Called before a create runs: the planned instance, as it will be recorded if it succeeds. */
  async started(resource: StateResource): Promise<void> {
    await appendFile(this.path, JSON.stringify(resource) + '\n', { mode: 0o600 });
  }

  /** Instances whose create was started by an apply that did not finish. */
  async pending(): Promise<StateResource[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const byAddress = new Map<string, StateResource>();
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line) as StateResource;
        if (typeof r.address === 'string' && typeof r.type === 'string') byAddress.set(r.address, r);
      } catch {
        // a line cut short by the crash itself: that create never reached an agent
      }
    }
    return [...byAddress.values()];
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }

  /**
   * Keeps only the entries of `addresses` (cleared when none is left): after an apply, the creates
   * that failed, whose host may have done them all the same (agent killed, answer lost).
   */
  async retain(addresses: ReadonlySet<string>): Promise<void> {
    const kept = (await this.pending()).filter((r) => addresses.has(r.address));
    if (kept.length === 0) return this.clear();
    const next = `${this.path}.next`;
    await writeFile(next, kept.map((r) => JSON.stringify(r) + '\n').join(''), { mode: 0o600 });
    await rename(next, this.path);
  }
}
