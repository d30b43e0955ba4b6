import { request as httpRequest, type Agent as HttpAgent } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';

export interface HttpAnswer {
  status: number;
  text: string;
}

export interface HttpSendOptions {
  method: string;
  /** The connection pool: an https.Agent for https:// URLs (it carries the TLS settings). */
  agent: HttpAgent | HttpsAgent;
  headers: Record<string, string>;
  body?: string | undefined;
  /** Aborts the request (a timeout, or the caller's cancellation): rejects with Node's AbortError. */
  signal: AbortSignal;
}

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
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
