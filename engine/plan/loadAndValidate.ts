import { hasErrors, type Diagnostic } from '../../core/diagnostic.js';
import type {
  DataRequest,
  DesiredInstance,
  LoadedConfig,
  LoadOptions,
  OutputValue,
} from '../../planner/config/types.js';
import { staticChecks } from '../../planner/plan/staticChecks.js';
import { validateInstances } from '../../planner/validate/validateInstances.js';
import { loadConfig } from '../files/loadConfig.js';
import type { LoadOptionsExt } from '../../planner/config/load.js';

/** Loads and validates the configuration only: no host is contacted. */
export interface Validated {
  desired: DesiredInstance[];
  outputs: OutputValue[];
  diagnostics: Diagnostic[];
  refactors?: LoadedConfig['refactors'];
  imports?: LoadedConfig['imports'];
  settings?: LoadedConfig['settings'];
  /** Whether loading itself (before validation) failed: then the backend settings cannot be trusted. */
  loadFailed: boolean;
  /**
   * data blocks not read yet (the configuration was loaded without LoadOptions.dataValues): the
   * desired instances and diagnostics are provisional, as references to data were unknown. The
   * plan reads them from the hosts and loads again (preparePlan).
   */
  dataPending?: DataRequest[];
}

export async function loadAndValidate(
  configDir: string,
  load?: LoadOptions,
  hooks: Pick<LoadOptionsExt, 'afterParse'> = {},
): Promise<Validated> {
  const config = await loadConfig(configDir, { ...load, ...hooks });
  const diagnostics = [...config.diagnostics];
  const dataPending = config.dataRequests && !load?.dataValues ? config.dataRequests : undefined;
  if (!hasErrors(diagnostics)) diagnostics.push(...validateInstances(config.instances));
  if (!hasErrors(diagnostics)) diagnostics.push(...staticChecks(config.instances));
  return {
    desired: config.instances,
    outputs: config.outputs,
    diagnostics,
    ...(config.refactors ? { refactors: config.refactors } : {}),
    ...(config.imports ? { imports: config.imports } : {}),
    ...(config.settings ? { settings: config.settings } : {}),
    // With data pending, errors may come from values not read yet: the second load decides.
    loadFailed: hasErrors(config.diagnostics) && (!dataPending || config.settingsFailed === true),
    ...(dataPending ? { dataPending } : {}),
  };
}
