import { readFile } from 'node:fs/promises';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { ConfigError } from '../config-load.js';
import type { AgentTlsConfig } from '../config.js';
import type { ServerTls } from '../http/tls.js';

/**
 * Reads agentd's TLS files and checks them before they are used: each is PEM, the key belongs to
 * the certificate, and the certificate is in its validity period. Every problem names the file.
 */
export async function loadServerTls(config: AgentTlsConfig, now = new Date()): Promise<ServerTls> {
  const problems: string[] = [];
  const read = async (file: string, what: string): Promise<string> => {
    try {
      return await readFile(file, 'utf8');
    } catch (e) {
      problems.push(`cannot read ${what} ${file}: ${(e as Error).message}`);
      return '';
    }
  };
  const [cert, key, ca] = await Promise.all([
    read(config.certFile, 'tls.certFile'),
    read(config.keyFile, 'tls.keyFile'),
    read(config.clientCaFile, 'tls.clientCaFile'),
  ]);
  if (problems.length > 0) throw new ConfigError(config.certFile, problems);
  let x509: X509Certificate | undefined;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    problems.push(`tls.certFile ${config.certFile} is not a PEM certificate`);
  }
  try {
    const privateKey = createPrivateKey(key);
    if (x509 && !x509.checkPrivateKey(privateKey))
      problems.push(`tls.keyFile ${config.keyFile} is not the key of the certificate ${config.certFile}`);
  } catch {
    problems.push(`tls.keyFile ${config.keyFile} is not a PEM private key`);
  }
  if (x509 && (new Date(x509.validTo) < now || new Date(x509.validFrom) > now)) {
    problems.push(
      `tls.certFile ${config.certFile} is valid from ${x509.validFrom} to ${x509.validTo}, not now; issue a new one with nssv agent install`,
    );
  }
  if (!ca.includes('-----BEGIN CERTIFICATE-----'))
    problems.push(`tls.clientCaFile ${config.clientCaFile} holds no PEM certificate`);
  if (problems.length > 0) throw new ConfigError(config.certFile, problems);
  return { cert, key, ca };
}
