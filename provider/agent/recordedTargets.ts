import { readFileSync } from 'node:fs';
import type { State } from '../../planner/state/types.js';
import { hostEndpoints } from '../hostEndpoints.js';
import type { AgentEndpoint } from './agentRequest.js';

/**
 * The agents a state file records (its nssv_host instances' endpoints, tokens and TLS
 * directories), read as plain JSON: none when the file is missing, is not JSON or holds no
 * resource list (an encrypted state, say). What the state records is checked by whoever reads it
 * for a plan; this is only whom to ask early.
 */
export function recordedTargets(statePath: string): AgentEndpoint[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(statePath, 'utf8'));
  } catch {
    return [];
  }
  const resources = (parsed as Partial<State> | null)?.resources;
  if (!Array.isArray(resources)) return [];
  const hosts = resources.filter(
    (r): r is State['resources'][number] =>
      typeof r === 'object' &&
      r !== null &&
      r.type === 'nssv_host' &&
      typeof r.attributes === 'object' &&
      r.attributes !== null,
  );
  return [...hostEndpoints([], { resources: hosts } as State).values()];
}
