import { DiagnosticsError, hasErrors } from '../../core/diagnostic.js';
import type { LoadedConfig, LoadOptions } from '../../planner/config/types.js';
import type { StateSettings } from '../../planner/config/stateSettings.js';
import { openStateStore } from '../../provider/state/open.js';
import type { StateStore } from '../../provider/state/store.js';
import { loadConfig } from '../files/loadConfig.js';

/**
 * Reads the configuration's backend and encryption settings. They may use variables (the
 * passphrase), so the configuration must load without errors: the errors are thrown (except,
 * with data blocks, those that may come from the data not being read yet).
 */
export async function stateSettingsOf(configDir: string, load?: LoadOptions): Promise<StateSettings> {
  return (await configAndStateSettings(configDir, load)).settings;
}

/** The loaded configuration and its state settings: a command that plans next loads it only once. */
export async function configAndStateSettings(
  configDir: string,
  load?: LoadOptions,
): Promise<{ config: LoadedConfig; settings: StateSettings }> {
  const config = await loadConfig(configDir, load);
  // data blocks are read only by plans: errors from their values not being read yet do not count here
  const provisional = config.dataRequests !== undefined && !load?.dataValues && !config.settingsFailed;
  if (hasErrors(config.diagnostics) && !provisional)
    throw new DiagnosticsError(config.diagnostics.filter((d) => d.severity === 'error'));
  return { config, settings: config.settings ?? { backend: { type: 'local' } } };
}

/** The state store of the configuration in configDir. */
export async function stateStoreOf(configDir: string, load?: LoadOptions): Promise<StateStore> {
  return openStateStore(configDir, await stateSettingsOf(configDir, load));
}
