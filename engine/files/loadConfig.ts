import { loadConfig as loadWith, type LoadOptionsExt } from '../../planner/config/load.js';
import type { LoadedConfig } from '../../planner/config/types.js';
import { nodeSourceFiles } from '../../provider/files/nodeSourceFiles.js';

/**
 * Loads a configuration from disk: the planner's loadConfig with the real file system, and the
 * process's working directory and environment where the options do not give them.
 */
export function loadConfig(dir: string, options: LoadOptionsExt = {}): Promise<LoadedConfig> {
  return loadWith(dir, {
    ...options,
    files: nodeSourceFiles,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
  });
}
