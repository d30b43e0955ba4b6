import type { State } from '../../planner/state/types.js';
import type { StateStore } from './store.js';

/**
 * The state `store` last read, if it is still exactly what is stored (its tag unchanged: see
 * StateBackend.storedTag); else undefined, and the caller reads it again. A state read before the
 * lock was taken is used under the lock only so.
 */
export async function stillStored(
  store: Pick<StateStore, 'readTag' | 'storedTag'>,
  read: State | undefined,
): Promise<State | undefined> {
  const tag = store.readTag;
  if (read === undefined || tag === undefined) return undefined;
  return (await store.storedTag()) === tag ? read : undefined;
}
