import { join } from 'node:path';
import type { LoadOptionsExt } from '../../planner/config/load.js';
import {
  startInventoryWorker,
  type InventoryPrefetch,
  type InventoryWorker,
} from '../../provider/agent/inventoryPrefetch.js';
import { STATE_FILE } from '../../provider/state/localState.js';
import { openLocalStore, readLocalState, type StateRead } from '../../provider/state/readLocalState.js';

/**
 * The refresh, started while the configuration is evaluated. A worker thread is started at once
 * and reads, while this thread starts and parses the configuration's files, which hosts the local
 * state file records. Once the files are parsed it is known whether the state is the local,
 * unencrypted nssv.tfstate (no backend and no encryption block, and the directory is not set up
 * for another backend); then the worker asks those hosts for their inventories while this thread
 * reads that state, with the checks a plan makes (the plan uses this read), and evaluates and
 * validates the configuration. Only the endpoints the state file records are asked (where nssv
 * has talked before, with the tokens it used); the refresh takes an answer only when the
 * configuration names the same endpoint, token and TLS directory for that host, and asks every
 * other host itself, as before. A configuration that does not parse, or keeps its state
 * elsewhere, asks no host early; a state file that is not JSON asks none either (the plan reads
 * it again and reports why, before any host is contacted).
 */
export class EarlyRefresh {
  /** The answers in flight. */
  prefetch: InventoryPrefetch | undefined;
  private stateRead: StateRead | undefined;
  private readonly worker: InventoryWorker | undefined;

  constructor(private readonly configDir: string) {
    this.worker = startInventoryWorker(undefined, { statePath: join(configDir, STATE_FILE) });
  }

  /** Load hooks that start it (see loadAndValidate). */
  hooks(): Pick<LoadOptionsExt, 'afterParse'> {
    return {
      afterParse: async (root) => {
        if (root.stateSettingsDeclared || root.parseFailed || !this.worker) return;
        const store = await openLocalStore(this.configDir);
        if (!store) return;
        this.prefetch = this.worker.askRecorded();
        this.stateRead = await readLocalState(store);
      },
    };
  }

  /** The local state read while the configuration loaded, and its store (the caller closes it); once. */
  takeState(): StateRead | undefined {
    const read = this.stateRead;
    this.stateRead = undefined;
    return read;
  }

  async close(): Promise<void> {
    await this.takeState()?.store.close();
    await this.worker?.close();
  }
}
