import type { Diagnostic } from '../../core/diagnostic.js';
import type { LoadOptions } from '../../planner/config/types.js';
import { loadAndValidate } from '../plan/loadAndValidate.js';

/**
 * `nssv validate`: syntax, references, types and schemas, without contacting any host. Variables
 * given (-var, -var-file, tfvars, TF_VAR_*) are checked and used; a required one not given is an
 * unknown value, as every variable is to `terraform validate`, so a pipeline can validate without
 * the values only a plan needs.
 */
export async function runValidate(configDir: string, load: LoadOptions): Promise<Diagnostic[]> {
  return (await loadAndValidate(configDir, { ...load, validateOnly: true })).diagnostics;
}
