import { Agent } from 'undici';
import { CLIENT_CONNECTIONS_PER_HOST, CLIENT_KEEP_ALIVE_TIMEOUT_MS } from '../../core/agentKeepAlive.js';

export interface ConnectionOptions {
  /** Answer deadline for one request: headers and body each. */
  timeoutMs: number;
}

const pools = new Map<string, Agent>();

/**
 * The connection pool nssv's agent clients share: keep-alive connections, at most
 * CLIENT_CONNECTIONS_PER_HOST per agent, idled out before the agent's server would close them.
 * One pool per option set, so the clients of one apply reuse each other's connections.
 */
export function connectionPool(options: ConnectionOptions): Agent {
  const key = JSON.stringify(options);
  let pool = pools.get(key);
  if (!pool) {
    pool = new Agent({
      connections: CLIENT_CONNECTIONS_PER_HOST,
      keepAliveTimeout: CLIENT_KEEP_ALIVE_TIMEOUT_MS,
      keepAliveMaxTimeout: CLIENT_KEEP_ALIVE_TIMEOUT_MS,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    pools.set(key, pool);
  }
  return pool;
}
