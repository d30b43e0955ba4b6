import type { LoadedConfig, LoadOptions } from '../../planner/config/types.js';
import { LocalStateStore } from '../../provider/state/localState.js';
import { loadConfig } from '../files/loadConfig.js';
import { knownFromState } from '../plan/outputs.js';

/**
 * `nssv console`: the configuration evaluated as `terraform console` sees it, where resources
 * show what the last apply recorded. Expressions are then evaluated against it.
 */
export async function loadForConsole(configDir: string, load: LoadOptions): Promise<LoadedConfig> {
  const state = await new LocalStateStore(configDir).read();
  return loadConfig(configDir, { ...load, known: knownFromState(state) });
}
