import { DiagnosticsError } from '../../core/diagnostic.js';
import type { LoadOptions } from '../../planner/config/types.js';
import type { State, StateResource } from '../../planner/state/types.js';
import { stateStoreOf } from '../state/stateStoreOf.js';

/** `nssv state list` and `nssv output`: the state of a configuration directory, as recorded (any backend). */
export async function readState(configDir: string, load?: LoadOptions): Promise<State> {
  const store = await stateStoreOf(configDir, load);
  try {
    return await store.read();
  } finally {
    await store.close();
  }
}

/**
 * `nssv state rm`: forgets instances (an address names an instance, or every instance of a
 * resource) without touching any host, holding the state lock. Nothing is removed when any
 * address matches nothing. Returns what was removed.
 */
export async function removeFromState(
  configDir: string,
  wanted: readonly string[],
  load?: LoadOptions,
): Promise<StateResource[]> {
  const store = await stateStoreOf(configDir, load);
  await store.lock('nssv state rm');
  try {
    const state = await store.read();
    const matches = (address: string, w: string): boolean =>
      address === w || address.replace(/\[[^\]]*\]$/, '') === w;
    const unknown = wanted.filter((w) => !state.resources.some((r) => matches(r.address, w)));
    if (unknown.length > 0) {
      throw new DiagnosticsError([
        {
          severity: 'error',
          code: 'NSSV_STATE_NO_SUCH_RESOURCE',
          summary: `not in the state: ${unknown.join(', ')}`,
          detail: 'Nothing was removed. See what the state holds with: nssv state list',
        },
      ]);
    }
    const removed = state.resources.filter((r) => wanted.some((w) => matches(r.address, w)));
    await store.write({ ...state, resources: state.resources.filter((r) => !removed.includes(r)) });
    return removed;
  } finally {
    await store.close();
  }
}
