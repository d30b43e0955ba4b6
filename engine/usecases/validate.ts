import type { Diagnostic } from '../../core/diagnostic.js';
import type { LoadOptions } from '../../planner/config/types.js';
import { loadAndValidate } from '../plan/loadAndValidate.js';

/** `nssv validate`: syntax, references, types and schemas, without contacting any host. */
export async function runValidate(configDir: string, load: LoadOptions): Promise<Diagnostic[]> {
  return (await loadAndValidate(configDir, load)).diagnostics;
}
