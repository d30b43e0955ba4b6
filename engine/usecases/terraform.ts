import { readFile } from 'node:fs/promises';
import type { LoadOptions } from '../../planner/config/types.js';
import { installMirror, type InstalledMirror } from '../../provider/tfplugin/install/mirror.js';
import { toTerraformState } from '../../provider/tfplugin/migrate/terraformState.js';
import { fromTerraformState } from '../../provider/tfplugin/migrate/fromTerraformState.js';
import { tfStateErrors } from '../../provider/tfplugin/errors.js';
import { DiagnosticsError } from '../../core/diagnostic.js';
import type { State } from '../../planner/state/types.js';
import { stateStoreOf } from '../state/stateStoreOf.js';
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

/**
 * `nssv state import-terraform FILE`: a Terraform state written through the nssv provider becomes
 * the configuration's nssv state (any backend, holding its lock), so `nssv plan` takes over where
 * `terraform apply` left off. Refuses to replace a state that holds anything unless forced.
 */
export async function importTerraformState(
  configDir: string,
  load: LoadOptions | undefined,
  file: string,
  force: boolean,
): Promise<{ where: string; state: State }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new DiagnosticsError([
      tfStateErrors.invalid(file, `it cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`),
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DiagnosticsError([tfStateErrors.invalid(file, `it is not JSON (${(e as Error).message})`)]);
  }
  const { state, diagnostics } = fromTerraformState(raw, file);
  if (!state) throw new DiagnosticsError(diagnostics);
  const store = await stateStoreOf(configDir, load);
  try {
    await store.lock('nssv state import-terraform');
    const current = await store.readStored();
    if (current && current.resources.length > 0 && !force)
      throw new DiagnosticsError([tfStateErrors.notEmpty(store.where, current.resources.length)]);
    const written = await store.replace({
      ...state,
      serial: Math.max(state.serial, (current?.serial ?? 0) + 1),
    });
    return { where: store.where, state: written };
  } finally {
    await store.close();
  }
}
