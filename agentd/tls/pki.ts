/**
 * An installation's TLS directory (core/tlsDir.ts): created once by `nssv agent ca init` (or the
 * first `nssv agent install`, or `nssv sandbox up` for the sandbox's own CA), kept, and used to
 * sign every agent's certificate. Keys are written 0600 in a 0700 directory, each file atomically.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tlsFile } from '../../core/tlsDir.js';
import type { AgentConfigTls } from '../../schemas/generated/agentApi.js';
import { createCa, issueCertificate, type CertificateAndKey } from './certs.js';

export class PkiError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'PkiError';
  }
}

export interface PkiInitResult {
  dir: string;
  /** False when the directory already held a CA (it is kept: init is idempotent). */
  created: boolean;
  caCertFile: string;
}

/** Write `text` to `file` atomically with `mode`. */
export function writeFileAtomic(file: string, text: string, mode: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}

/**
 * Creates the CA and nssv's client certificate in `dir` unless they are there. A directory with
 * only some of the four files is refused (never overwritten: it may hold the only copy of a key).
 */
export async function initPki(dir: string, caName: string): Promise<PkiInitResult> {
  const files = [
    tlsFile(dir, 'caCert'),
    tlsFile(dir, 'caKey'),
    tlsFile(dir, 'clientCert'),
    tlsFile(dir, 'clientKey'),
  ];
  const present = files.filter((f) => existsSync(f));
  if (present.length === files.length) return { dir, created: false, caCertFile: files[0]! };
  if (present.length > 0) {
    throw new PkiError(
      `The TLS directory ${dir} is incomplete: it has ${present.map((f) => path.basename(f)).join(', ')} but not ${files
        .filter((f) => !present.includes(f))
        .map((f) => path.basename(f))
        .join(', ')}.`,
      'Restore the missing files from a backup, or move the directory away and run `nssv agent ca init` again (agents then need new certificates: `nssv agent install`).',
    );
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const ca = await createCa(caName);
  const client = await issueCertificate(ca, { commonName: 'nssv', usage: 'client' });
  writeFileAtomic(tlsFile(dir, 'caKey'), ca.keyPem, 0o600);
  writeFileAtomic(tlsFile(dir, 'clientKey'), client.keyPem, 0o600);
  writeFileAtomic(tlsFile(dir, 'clientCert'), client.certPem, 0o644);
  writeFileAtomic(tlsFile(dir, 'caCert'), ca.certPem, 0o644);
  return { dir, created: true, caCertFile: files[0]! };
}

/** The CA of `dir` (certificate and key), to sign an agent's certificate. */
export function loadCa(dir: string): CertificateAndKey {
  const certFile = tlsFile(dir, 'caCert');
  const keyFile = tlsFile(dir, 'caKey');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    throw new PkiError(
      `No CA in ${dir} (${path.basename(certFile)} and ${path.basename(keyFile)} are needed).`,
      'Create one with `nssv agent ca init` (or pass --tls-dir with the directory that holds it).',
    );
  }
  return { certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
}

/** The files an agent's config names in its `tls` section. */
export type AgentCertificateFiles = AgentConfigTls;

/**
 * Issues an agent's server certificate (for its names and addresses) from the CA in `tlsDir` and
 * writes it, its key (0600) and the CA clients' certificates must chain to into `outDir`.
 */
export async function issueAgentCertificate(
  tlsDir: string,
  outDir: string,
  host: { name: string; dnsNames: readonly string[]; ipAddresses: readonly string[] },
): Promise<AgentCertificateFiles> {
  const ca = loadCa(tlsDir);
  const leaf = await issueCertificate(ca, {
    commonName: host.name,
    usage: 'server',
    dnsNames: host.dnsNames,
    ipAddresses: host.ipAddresses,
  });
  const out = {
    certFile: path.join(outDir, 'agent.crt'),
    keyFile: path.join(outDir, 'agent.key'),
    clientCaFile: path.join(outDir, 'client-ca.crt'),
  };
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  // Key first, certificate last: an agent reloading in between finds a mismatched pair and keeps its old one.
  writeFileAtomic(out.keyFile, leaf.keyPem, 0o600);
  writeFileAtomic(out.clientCaFile, ca.certPem, 0o644);
  writeFileAtomic(out.certFile, leaf.certPem, 0o644);
  return out;
}
