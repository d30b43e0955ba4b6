import { Agent } from 'node:http';
import { CLIENT_CONNECTIONS_PER_HOST, CLIENT_KEEP_ALIVE_TIMEOUT_MS } from '../../core/agentKeepAlive.js';

let pool: Agent | undefined;

/**
 * Keep-alive and per-agent connection limits of every pool (plain, and one per TLS directory).
 * `timeout` idles out a free connection (Node's agent destroys a free socket on it, never one in
 * use; a shorter `Keep-Alive: timeout=` hint from the agent wins, less a second).
 */
export const POOL_OPTIONS = {
  keepAlive: true,
  maxSockets: CLIENT_CONNECTIONS_PER_HOST,
  timeout: CLIENT_KEEP_ALIVE_TIMEOUT_MS,
  scheduling: 'lifo',
} as const;

/**
 * The connection pool nssv's agent clients share for http:// endpoints: keep-alive connections
 * (Node's own HTTP client: half the CPU of undici's for the 1,000 inventories of a refresh), at
 * most CLIENT_CONNECTIONS_PER_HOST per agent, idled out before the agent's server would close
 * them. Timeouts are per request (an image download may take half an hour, an inventory should not).
 */
export function connectionPool(): Agent {
  pool ??= new Agent(POOL_OPTIONS);
  return pool;
}
