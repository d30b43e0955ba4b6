import type { AgentEndpoint } from '../agent/client.js';
import { hostEndpoints } from '../hostEndpoints.js';
import { openStateStore } from './open.js';

/**
 * The agents a configuration directory's local, unencrypted state records, read as a plan reads
 * that state (openStateStore with no settings: the same checks): none when the directory is set
 * up for another backend or the state does not read cleanly (the plan reports why, in its place).
 */
export async function localStateEndpoints(configDir: string): Promise<AgentEndpoint[]> {
  try {
    const store = await openStateStore(configDir, undefined);
    try {
      return [...hostEndpoints([], await store.read()).values()];
    } finally {
      await store.close();
    }
  } catch {
    return [];
  }
}
