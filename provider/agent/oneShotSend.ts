import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { CONNECT_TIMEOUT_MS, connectTimedOut, type HttpAnswer } from './httpSend.js';
import { readHttpAnswer } from './readHttpAnswer.js';
import type { ClientTls } from './tls.js';

export interface OneShotOptions {
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** For an https:// URL: the CA to pin and the client certificate to present. */
  tls: ClientTls | null;
  /** Aborts the request (a timeout, or the caller's cancellation): rejects with an AbortError. */
  signal: AbortSignal;
  /** A connection not made by then fails with ETIMEDOUT (default CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
}

/** Node's own shape for an aborted request: code ABORT_ERR, the signal's reason as its cause. */
function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The operation was aborted', { cause: signal.reason }), {
    name: 'AbortError',
    code: 'ABORT_ERR',
  });
}

/** What the caller put in a header must not end the header (CR or LF): refused as Node's client does. */
function headerLines(headers: Record<string, string>): string {
  let out = '';
  for (const [name, value] of Object.entries(headers)) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) {
      throw Object.assign(new TypeError(`Invalid character in header content ["${name}"]`), {
        code: 'ERR_INVALID_CHAR',
      });
    }
    out += `${name}: ${value}\r\n`;
  }
  return out;
}

/**
 * One HTTP/1.1 request over a connection of its own that the agent closes after its answer
 * (`Connection: close`), the answer read whole and framed once by readHttpAnswer. For the
 * inventory worker, which asks each of up to thousands of agents once: keep-alive would reuse
 * nothing, and Node's client (a ClientRequest, an IncomingMessage and their streams per request)
 * costs twice the CPU (bench/README.md). Same contract as httpSend: the status and the body as
 * UTF-8 text, or the socket's error (ECONNREFUSED, ECONNRESET, a TLS certificate code…) when no
 * whole answer came; an answer cut short is ECONNRESET, as Node's "socket hang up" is.
 */
export function oneShotSend(url: string, options: OneShotOptions): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const { signal } = options;
    if (signal.aborted) return reject(abortError(signal));
    const target = new URL(url);
    const https = target.protocol === 'https:';
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(target.port || (https ? 443 : 80));
    const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
    let head: string;
    try {
      head =
        `${options.method} ${target.pathname}${target.search} HTTP/1.1\r\n` +
        `host: ${target.host}\r\nconnection: close\r\n` +
        headerLines(options.headers) +
        (body === undefined ? '' : `content-length: ${body.length}\r\n`) +
        '\r\n';
    } catch (e) {
      return reject(e as Error);
    }
    let socket: Socket;
    if (options.tls) {
      const { ca, cert, key } = options.tls;
      // As Node's https client: the name to check the certificate against, and SNI unless an IP.
      socket = tlsConnect({
        host,
        port,
        ca,
        cert,
        key,
        minVersion: 'TLSv1.2',
        ...(isIP(host) ? {} : { servername: host }),
      });
    } else {
      socket = netConnect({ host, port });
    }
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (err: Error | undefined, answer?: HttpAnswer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (err) reject(err);
      else resolve(answer!);
    };
    const onAbort = (): void => finish(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    const connectMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    const connectTimer = setTimeout(() => finish(connectTimedOut(connectMs)), connectMs);
    socket.once('connect', () => clearTimeout(connectTimer));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (err) => finish(err));
    socket.on('end', () => {
      try {
        finish(undefined, readHttpAnswer(Buffer.concat(chunks)));
      } catch (e) {
        finish(e as Error);
      }
    });
    socket.on('close', () => finish(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })));
    // Our side stays open: Node's server drops a request whose connection the client half-closed.
    socket.write(body === undefined ? head : Buffer.concat([Buffer.from(head, 'latin1'), body]));
  });
}
