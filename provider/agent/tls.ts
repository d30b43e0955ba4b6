/**
 * nssv's side of agentd's mutual TLS: for an https:// endpoint, the CA nssv pins (only agents
 * whose certificate it signed are trusted, not the system's CAs) and the client certificate nssv
 * presents, read from the host's TLS directory (nssv_host.tls_dir, else core/tlsDir.ts's default).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { Agent } from 'node:https';
import { POOL_OPTIONS } from './connections.js';
import { defaultTlsDir, tlsFile } from '../../core/tlsDir.js';
import { AgentError } from './agentError.js';

export interface ClientTls {
  dir: string;
  ca: string;
  cert: string;
  key: string;
}

export interface TlsTarget {
  host: string;
  endpoint: string;
  /** The installation's TLS directory; default: $NSSV_TLS_DIR, else ~/.config/nssv/tls. */
  tlsDir?: string;
}

export const isHttps = (endpoint: string): boolean => /^https:\/\//i.test(endpoint);

export const tlsDirOf = (target: TlsTarget): string => target.tlsDir ?? defaultTlsDir(process.env, homedir());

/** The TLS files for `target`, or undefined for a plain http:// endpoint. Missing files are an AgentError. */
export function clientTlsFor(target: TlsTarget): ClientTls | undefined {
  if (!isHttps(target.endpoint)) return undefined;
  const dir = tlsDirOf(target);
  const read = (name: 'caCert' | 'clientCert' | 'clientKey'): string => {
    const file = tlsFile(dir, name);
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (e as Error).message;
      throw new AgentError(
        target.host,
        'unreachable',
        `host ${target.host}'s endpoint ${target.endpoint} is https://, but nssv cannot read ${file} (${why}); nothing was sent. Fix: set tls_dir of nssv_host "${target.host}" to the TLS directory whose CA issued the agent's certificate (the sandbox's is <sandbox root>/tls), or create the default one with \`nssv agent ca init\` and reinstall the agent with \`nssv agent install\``,
      );
    }
  };
  return { dir, ca: read('caCert'), cert: read('clientCert'), key: read('clientKey') };
}

const dispatchers = new Map<string, Agent>();

/** One connection pool per TLS directory's contents: pins its CA, presents its client certificate. */
export function tlsDispatcher(tls: ClientTls): Agent {
  const key = `${tls.dir}\0${tls.ca}\0${tls.cert}`;
  let d = dispatchers.get(key);
  if (!d) {
    d = new Agent({ ...POOL_OPTIONS, ca: tls.ca, cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' });
    dispatchers.set(key, d);
  }
  return d;
}

/** Certificate-check failures of Node's TLS client (the handshake stopped before any request). */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
]);

/**
 * What to tell the user when a connection failed: for a certificate nssv does not trust, that
 * nothing was sent and how to fix it; for plain http:// to a TLS agent, to use https://.
 */
export function explainConnectionError(
  target: TlsTarget,
  cause: { code?: unknown; message?: unknown },
): string | undefined {
  const code = typeof cause.code === 'string' ? cause.code : '';
  if (UNTRUSTED.has(code)) {
    return `the agent of host ${target.host} at ${target.endpoint} presented a certificate nssv does not trust (${code}: ${String(cause.message)}); nssv sent no request. It must be signed by the CA in ${tlsFile(tlsDirOf(target), 'caCert')} and name the endpoint's address. Fix: reissue the agent's certificate from that CA with \`nssv agent install --host ${target.host} --address <its address>\`, or set tls_dir of nssv_host "${target.host}" to the directory of the CA that issued it`;
  }
  if (!isHttps(target.endpoint) && /ECONNRESET|EPIPE/.test(code)) {
    return `the agent of host ${target.host} at ${target.endpoint} closed the connection (${code}); an agent installed by nssv speaks only HTTPS with mutual TLS. Fix: use https:// in the endpoint of nssv_host "${target.host}"`;
  }
  return undefined;
}
