import { join } from 'node:path';
import type { AgentEndpoint } from '../agent/client.js';
import { hostEndpoints } from '../hostEndpoints.js';
import { LocalBackend } from './backends/localBackend.js';
import { Codec } from './encryption/codec.js';
import { readInitRecord, sameBackend } from './initRecord.js';
import { STATE_FILE } from './localState.js';
import { StateStore } from './store.js';

/**
 * The agents a configuration directory's local, unencrypted state records, read as a plan reads
 * that state (the same checks): none when the directory is set up for another backend or the
 * state does not read cleanly (the plan reports why, in its place).
 */
export async function localStateEndpoints(configDir: string): Promise<AgentEndpoint[]> {
  const local = { type: 'local' as const };
  const recorded = await readInitRecord(configDir).then(
    (r) => r?.backend ?? local,
    () => undefined,
  );
  if (!recorded || !sameBackend(recorded, local)) return [];
  const store = new StateStore(
    configDir,
    new LocalBackend(join(configDir, STATE_FILE)),
    new Codec('state', undefined, undefined),
  );
  try {
    return [...hostEndpoints([], await store.read()).values()];
  } catch {
    return [];
  } finally {
    await store.close();
  }
}
