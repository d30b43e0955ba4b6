import type { ServerOptions as HttpsServerOptions } from 'node:https';

/** PEM contents of agentd's TLS files (agentd/config.ts `tls`). */
export interface ServerTls {
  cert: string;
  key: string;
  /** CA certificate(s) a client's certificate must be signed by; several during a CA rotation. */
  ca: string;
}

/**
 * HTTPS options for mutual TLS: TLS 1.2 or later, and a client certificate is required and
 * checked during the handshake, so a client without one (or with one of another CA) is refused
 * before it can send a request.
 */
export function mutualTlsOptions(tls: ServerTls): HttpsServerOptions {
  return {
    cert: tls.cert,
    key: tls.key,
    ca: tls.ca,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
  };
}

/** The parts of mutualTlsOptions a running server swaps in on reload (tls.Server#setSecureContext). */
export function secureContextOptions(tls: ServerTls): { cert: string; key: string; ca: string } {
  return { cert: tls.cert, key: tls.key, ca: tls.ca };
}
