import { Agent } from 'undici';
import { CLIENT_CONNECTIONS_PER_HOST, CLIENT_KEEP_ALIVE_TIMEOUT_MS } from '../../core/agentKeepAlive.js';

let pool: Agent | undefined;

/** Keep-alive and per-agent connection limits of every pool (plain, and one per TLS directory). */
export const POOL_OPTIONS = {
  connections: CLIENT_CONNECTIONS_PER_HOST,
  keepAliveTimeout: CLIENT_KEEP_ALIVE_TIMEOUT_MS,
  keepAliveMaxTimeout: CLIENT_KEEP_ALIVE_TIMEOUT_MS,
} as const;

/**
 * The connection pool nssv's agent clients share: keep-alive connections, at most
 * CLIENT_CONNECTIONS_PER_HOST per agent, idled out before the agent's server would close them.
 * Timeouts are per request (an image download may take half an hour, an inventory should not).
 */
export function connectionPool(): Agent {
  pool ??= new Agent(POOL_OPTIONS);
  return pool;
}
