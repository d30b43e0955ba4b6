import type { LoadedConfig, LoadOptions } from '../../planner/config/types.js';
import { stateStoreOf } from '../state/stateStoreOf.js';
import { loadConfig } from '../files/loadConfig.js';
import { knownFromState } from '../plan/outputs.js';

/**
 * `nssv console`: the configuration evaluated as `terraform console` sees it, where resources
 * show what the last apply recorded. Expressions are then evaluated against it.
 */
export async function loadForConsole(configDir: string, load: LoadOptions): Promise<LoadedConfig> {
  const store = await stateStoreOf(configDir, load);
  const state = await store.read().finally(() => store.close());
  return loadConfig(configDir, { ...load, known: knownFromState(state) });
}
