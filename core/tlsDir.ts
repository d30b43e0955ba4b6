/**
 * Where nssv keeps an installation's TLS files: the CA that signs the agents' certificates, and
 * the client certificate nssv presents to agents. nssv trusts (pins) only this CA for https://
 * agent endpoints. Pure: callers pass the environment and the home directory.
 */

/** File names in a TLS directory. ca.key and client.key are secrets (mode 0600). */
export const TLS_FILES = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  clientCert: 'client.crt',
  clientKey: 'client.key',
} as const;

export const TLS_DIR_ENV = 'NSSV_TLS_DIR';

/** $NSSV_TLS_DIR, else $XDG_CONFIG_HOME/nssv/tls, else ~/.config/nssv/tls. */
export function defaultTlsDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const explicit = env[TLS_DIR_ENV];
  if (explicit) return explicit;
  const config = env.XDG_CONFIG_HOME || `${home.replace(/\/+$/, '')}/.config`;
  return `${config}/nssv/tls`;
}

export const tlsFile = (dir: string, name: keyof typeof TLS_FILES): string =>
  `${dir.replace(/\/+$/, '')}/${TLS_FILES[name]}`;
