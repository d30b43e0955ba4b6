import { DiagnosticsError } from '../../core/diagnostic.js';
import type { State, StateResource } from '../../planner/state/types.js';
import { LocalStateStore } from '../../provider/state/localState.js';

/** `nssv state list` and `nssv output`: the state of a configuration directory, as recorded. */
export function readState(configDir: string): Promise<State> {
  return new LocalStateStore(configDir).read();
}

/**
 * `nssv state rm`: forgets instances (an address names an instance, or every instance of a
 * resource) without touching any host, holding the state lock. Nothing is removed when any
 * address matches nothing. Returns what was removed.
 */
export async function removeFromState(
  configDir: string,
  wanted: readonly string[],
): Promise<StateResource[]> {
  const store = new LocalStateStore(configDir);
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
    await store.unlock();
  }
}
