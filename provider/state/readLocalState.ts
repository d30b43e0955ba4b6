import type { State } from '../../planner/state/types.js';
import { openStateStore } from './open.js';
import type { StateStore } from './store.js';

/** A state read, with the store it was read from (whoever takes it closes the store). */
export interface StateRead {
  store: StateStore;
  state: State;
}

/**
 * A configuration directory's local, unencrypted state store, opened as a plan opens it
 * (openStateStore with no settings); undefined when the directory is set up for another backend.
 * Nothing is read from the state yet (see readLocalState).
 */
export async function openLocalStore(configDir: string): Promise<StateStore | undefined> {
  try {
    return await openStateStore(configDir, undefined);
  } catch {
    return undefined;
  }
}

/**
 * The state of a store from openLocalStore, read as a plan reads it (the same checks, the change
 * log applied); undefined, with the store closed, when it does not read cleanly (the plan reads
 * it again and reports why, in its place).
 */
export async function readLocalState(store: StateStore): Promise<StateRead | undefined> {
  try {
    return { store, state: await store.read() };
  } catch {
    await store.close();
    return undefined;
  }
}
