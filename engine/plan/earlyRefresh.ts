import type { LoadOptionsExt } from '../../planner/config/load.js';
import type { StateSettings } from '../../planner/config/stateSettings.js';
import type { State } from '../../planner/state/types.js';
import {
  startInventoryWorker,
  type InventoryPrefetch,
  type InventoryWorker,
} from '../../provider/agent/inventoryPrefetch.js';
import { hostEndpoints } from '../../provider/refresh.js';
import { openStateStore } from '../../provider/state/open.js';

/**
 * The refresh, started while the configuration is evaluated. Once the configuration's files are
 * parsed it is known whether the state is the local, unencrypted nssv.tfstate (no backend and no
 * encryption block). Then that state is read, and, when it reads without problems, a worker
 * thread asks the hosts it records for their inventories while this thread evaluates and
 * validates the configuration. Only the endpoints the state records are asked (where nssv has
 * talked before, with the tokens it used), and the plan takes an inventory only when the
 * configuration names the same endpoint, token and TLS directory for that host; every other host
 * is asked by the refresh itself, as before.
 */
export class EarlyRefresh {
  /** The state as read before evaluation. */
  private stored: State | undefined;
  /** The inventories in flight. */
  prefetch: InventoryPrefetch | undefined;
  /** Started at once: it loads while the files are parsed and the state is read. */
  private readonly worker: InventoryWorker | undefined = startInventoryWorker();

  constructor(private readonly configDir: string) {}

  /** Load hooks that start it (see loadAndValidate). */
  hooks(): Pick<LoadOptionsExt, 'afterParse'> {
    return {
      afterParse: async (root) => {
        if (root.stateSettingsDeclared || root.parseFailed || !this.worker) return;
        try {
          const store = await openStateStore(this.configDir, undefined);
          try {
            this.stored = await store.read();
          } finally {
            await store.close();
          }
        } catch {
          return; // the plan reads the state again, and reports what is wrong in its place
        }
        this.prefetch = this.worker.ask([...hostEndpoints([], this.stored).values()]);
      },
    };
  }

  /** The state read early, when the configuration turned out to keep it where it was read from. */
  stateFor(settings: StateSettings | undefined): State | undefined {
    const local = settings === undefined || (settings.backend.type === 'local' && !settings.encryption);
    return local ? this.stored : undefined;
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }
}
