import type { DesiredInstance } from '../planner/config/types.js';
import type { State } from '../planner/state/types.js';
import type { Attributes } from '../core/values.js';
import type { AgentEndpoint } from './agent/client.js';

/** The endpoint an nssv_host's attributes give (name, endpoint, token, TLS directory); undefined when incomplete. */
export function endpointOf(a: Attributes): AgentEndpoint | undefined {
  if (typeof a.name !== 'string' || typeof a.endpoint !== 'string' || typeof a.token !== 'string')
    return undefined;
  return {
    host: a.name,
    endpoint: a.endpoint,
    token: a.token,
    ...(typeof a.tls_dir === 'string' ? { tlsDir: a.tls_dir } : {}),
  };
}

/**
 * Host endpoints by host name: the configuration's (it may have moved) over the state's
 * (a host removed from configuration is still reachable for its deletes).
 */
export function hostEndpoints(desired: readonly DesiredInstance[], state: State): Map<string, AgentEndpoint> {
  const out = new Map<string, AgentEndpoint>();
  const add = (a: Attributes): void => {
    const endpoint = endpointOf(a);
    if (endpoint) out.set(endpoint.host, endpoint);
  };
  for (const r of state.resources) if (r.type === 'nssv_host') add(r.attributes);
  for (const d of desired) if (d.type === 'nssv_host') add(d.attributes);
  return out;
}
