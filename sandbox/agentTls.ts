/**
 * The sandbox's own mutual TLS: a CA per sandbox in <root>/tls (with the client certificate nssv
 * presents), and per host a server certificate for 127.0.0.1/localhost in <host>/agentd/tls. The
 * emitted sandbox.tf points nssv and the Terraform provider at <root>/tls (tls_dir).
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import path from 'node:path';
import type { AgentTlsConfig } from '../agentd/config.js';
import { initPki, issueAgentCertificate } from '../agentd/tls/pki.js';
import { tlsFile } from '../core/tlsDir.js';
import type { HostPaths } from './paths.js';

export const sandboxTlsDir = (root: string): string => path.join(root, 'tls');

/** Creates the sandbox's CA and client certificate unless they exist. Returns the directory. */
export async function ensureSandboxCa(root: string, name: string): Promise<string> {
  const dir = sandboxTlsDir(root);
  await initPki(dir, `nssv sandbox ${name}`);
  return dir;
}

/** A fresh server certificate for a host's agentd (it listens on 127.0.0.1), signed by the sandbox CA. */
export async function issueHostCertificate(
  tlsDir: string,
  p: HostPaths,
  host: string,
): Promise<AgentTlsConfig> {
  return issueAgentCertificate(tlsDir, path.join(p.agentDir, 'tls'), {
    name: host,
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
  });
}

/** GET url with the bearer token over mutual TLS (the sandbox CA pinned); true on HTTP 200. */
export function httpsGetOk(url: string, token: string, tlsDir: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let ca: string, cert: string, key: string;
    try {
      ca = readFileSync(tlsFile(tlsDir, 'caCert'), 'utf8');
      cert = readFileSync(tlsFile(tlsDir, 'clientCert'), 'utf8');
      key = readFileSync(tlsFile(tlsDir, 'clientKey'), 'utf8');
    } catch {
      resolve(false);
      return;
    }
    const req = request(
      url,
      { headers: { authorization: `Bearer ${token}` }, ca, cert, key, timeout: timeoutMs, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
        res.on('error', () => resolve(false));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}
