import type { LoadOptions } from '../../planner/config/types.js';
import { installMirror, type InstalledMirror } from '../../provider/tfplugin/install/mirror.js';
import { toTerraformState } from '../../provider/tfplugin/migrate/terraformState.js';
import { readState } from './state.js';

/** `nssv provider install`: the Terraform provider in a filesystem mirror, with a terraform.rc using it. */
export function installProvider(dir: string): InstalledMirror {
  return installMirror(dir);
}

/** `nssv state export-terraform`: the configuration's state (any backend) as a Terraform state for the provider. */
export async function exportTerraformState(
  configDir: string,
  load: LoadOptions | undefined,
  terraformVersion: string,
): Promise<Record<string, unknown>> {
  return toTerraformState(await readState(configDir, load), terraformVersion);
}
