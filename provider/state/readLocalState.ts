import type { State } from '../../planner/state/types.js';
import { openStateStore } from './open.js';
import type { ReadOptions, StateStore } from './store.js';

/** A state read, with the store it was read from (whoever takes it closes the store). */
export interface StateRead {
  store: StateStore;
  state: State;
}

/**
 * A configuration directory's local, unencrypted state, read as a plan reads it (openStateStore
 * with no settings: the same checks, the change log applied); undefined when the directory is set
 * up for another backend or the state does not read cleanly (the plan reads it again and reports
 * why, in its place).
 */
export async function readLocalState(
  configDir: string,
  options: ReadOptions = {},
): Promise<StateRead | undefined> {
  let store: StateStore | undefined;
  try {
    store = await openStateStore(configDir, undefined);
    return { store, state: await store.read(options) };
  } catch {
    await store?.close();
    return undefined;
  }
}
