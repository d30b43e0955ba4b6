import { request as httpRequest, type Agent as HttpAgent } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';

export interface HttpAnswer {
  status: number;
  text: string;
  /** The answer's ETag header, when it has one (agentd tags its inventories). */
  etag?: string;
}

export interface HttpSendOptions {
  method: string;
  /** The connection pool: an https.Agent for https:// URLs (it carries the TLS settings). */
  agent: HttpAgent | HttpsAgent;
  headers: Record<string, string>;
  body?: string | undefined;
  /** Aborts the request (a timeout, or the caller's cancellation): rejects with Node's AbortError. */
  signal: AbortSignal;
  /** A new connection not made by then fails with ETIMEDOUT (default CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
}

/** A host that does not answer at all (its network cut) fails this soon, not at the request timeout. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** The error of a connection not made within `ms`, as Node's own ETIMEDOUT. */
export const connectTimedOut = (ms: number): Error =>
  Object.assign(new Error(`connect ETIMEDOUT: no connection after ${ms / 1000} s`), { code: 'ETIMEDOUT' });

/**
 * One HTTP request over Node's own client, the whole answer read as UTF-8 text. Rejects with the
 * socket's error (ECONNRESET, ECONNREFUSED, a TLS certificate code…) when no answer came.
 */
export function httpSend(url: string, options: HttpSendOptions): Promise<HttpAnswer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  const headers =
    options.body === undefined
      ? options.headers
      : { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) };
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req = send(
      url,
      { method: options.method, agent: options.agent, headers, signal: options.signal },
      (res) => {
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (chunk: string) => (text += chunk));
        const { etag } = res.headers;
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text, ...(etag === undefined ? {} : { etag }) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('socket', (socket) => {
      if (!socket.connecting) return; // a kept-alive connection
      const ms = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
      const timer = setTimeout(() => req.destroy(connectTimedOut(ms)), ms);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    req.end(options.body);
  });
}
