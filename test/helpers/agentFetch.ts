/**
 * fetch() for a sandbox agent: over mutual TLS with the sandbox's CA pinned and nssv's client
 * certificate (what nssv itself does) when the host's endpoint is https://.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, fetch, type RequestInit, type Response } from 'undici';

const pools = new Map<string, Agent>();

function pool(tlsDir: string): Agent {
  let p = pools.get(tlsDir);
  if (!p) {
    p = new Agent({
      connect: {
        ca: readFileSync(join(tlsDir, 'ca.crt'), 'utf8'),
        cert: readFileSync(join(tlsDir, 'client.crt'), 'utf8'),
        key: readFileSync(join(tlsDir, 'client.key'), 'utf8'),
      },
    });
    pools.set(tlsDir, p);
  }
  return p;
}

export function agentFetch(
  host: { endpoint: string | undefined; tlsDir?: string | undefined },
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  if (host.endpoint === undefined) throw new Error('the host runs no agent');
  const dispatcher = host.tlsDir === undefined ? undefined : pool(host.tlsDir);
  return fetch(`${host.endpoint}${path}`, { ...init, ...(dispatcher ? { dispatcher } : {}) });
}
