import type { LoadOptionsExt } from '../../planner/config/load.js';
import {
  startInventoryWorker,
  type InventoryPrefetch,
  type InventoryWorker,
} from '../../provider/agent/inventoryPrefetch.js';
import { hostEndpoints } from '../../provider/hostEndpoints.js';
import { readLocalState, type StateRead } from '../../provider/state/readLocalState.js';
import { recordedHostEndpoints } from '../../provider/state/recordedHosts.js';
import { inventoryTagsKey, readInventoryTags, type InventoryTags } from './inventoryTags.js';

/**
 * The refresh, started while the configuration is evaluated. A worker thread is started at once
 * (it loads while the configuration's files are read and parsed). Once they are parsed it is known
 * whether the state is the local, unencrypted nssv.tfstate (no backend and no encryption block);
 * then this thread reads that state, with the checks a plan makes (the plan uses this read), and
 * the worker asks the hosts it records for their inventories while this thread parses the state,
 * then evaluates and validates the configuration. The hosts come from a walk of the state's text
 * before it is parsed (recordedHostEndpoints), or from the parsed state when the walk finds none.
 * Only the endpoints the state records are asked (where nssv has talked before, with the tokens it
 * used); the refresh takes an answer only when the configuration names the same endpoint, token
 * and TLS directory for that host, and asks every other host itself, as before (so does a host the
 * walk missed, such as one only the change log of an interrupted apply records). A configuration
 * that does not parse, or keeps its state elsewhere, asks no host early. Hosts whose inventory tags
 * are kept for this very state (inventoryTags.ts) are asked conditionally. A state that does not pass
 * the plan's checks has had the hosts its text records asked for their inventories (reads only);
 * the answers are dropped, and the plan reports why before any other request.
 */
export class EarlyRefresh {
  /** The answers in flight. */
  prefetch: InventoryPrefetch | undefined;
  /**
   * When the state read has a tag (StateStore.readTag): the key the hosts' inventory tags are
   * kept under for it, and those kept (the hosts were asked with them; see inventoryTags.ts).
   */
  tags: InventoryTags | undefined;
  private stateRead: StateRead | undefined;
  private readonly worker: InventoryWorker | undefined = startInventoryWorker();

  constructor(private readonly configDir: string) {}

  /** Load hooks that start it (see loadAndValidate). */
  hooks(): Pick<LoadOptionsExt, 'afterParse'> {
    return {
      afterParse: async (root) => {
        const worker = this.worker;
        if (root.stateSettingsDeclared || root.parseFailed || !worker) return;
        this.stateRead = await readLocalState(this.configDir, {
          // The hosts are asked while the state is parsed and checked, from a walk of its text: at
          // 1,000 hosts the last answers then come before the evaluation ends, not ~150 ms after.
          beforeParse: (text, tag) => {
            if (tag !== undefined) {
              const key = inventoryTagsKey(tag);
              this.tags = readInventoryTags(this.configDir, key) ?? { key, hosts: new Map() };
            }
            const recorded = recordedHostEndpoints(text);
            if (recorded.length > 0) this.prefetch = worker.ask(recorded, this.etags());
          },
        });
        if (this.stateRead && !this.prefetch)
          this.prefetch = worker.ask([...hostEndpoints([], this.stateRead.state).values()], this.etags());
      },
    };
  }

  /** The kept tags, by host, to ask with. */
  private etags(): Record<string, string> | undefined {
    if (!this.tags || this.tags.hosts.size === 0) return undefined;
    return Object.fromEntries([...this.tags.hosts].map(([host, t]) => [host, t.etag]));
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
