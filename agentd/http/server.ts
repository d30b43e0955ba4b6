import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import { performance } from 'node:perf_hooks';
import { errors, toAgentError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { SERVER_HEADERS_TIMEOUT_MS, SERVER_KEEP_ALIVE_TIMEOUT_MS } from '../../core/agentKeepAlive.js';
import { anyBearerTokenMatches } from './auth.js';
import { mutualTlsOptions, secureContextOptions, type ServerTls } from './tls.js';
import { DEFAULT_BODY_LIMIT_BYTES, readJsonBody } from './body.js';
import { decodeParams, matchRoute } from './router.js';
import { ifNoneMatchNames } from './entityTag.js';
import type { Route } from './routes.js';

export interface ServerOptions {
  routes: readonly Route[];
  /** The bearer token, or a function giving the tokens accepted now (rotation: old and new). */
  token: string | (() => readonly string[]);
  /** Serve HTTPS with mutual TLS (clients must present a certificate signed by tls.ca); absent: plain HTTP. */
  tls?: ServerTls;
  logger: Logger;
  metrics: Metrics;
  bodyLimitBytes?: number;
  /** Runs after authentication and validation, right before the handler; may throw (test faults). */
  beforeHandle?: (method: string, path: string) => void;
}

export interface AgentServer {
  server: Server;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
  /**
   * Swaps in new TLS files (certificate rotation): new connections use them, open ones keep
   * theirs, nothing is dropped. Only for a server created with `tls`.
   */
  setTls(tls: ServerTls): void;
}

/**
 * agentd's HTTP server: authentication first (every route, unknown ones included), then routing,
 * name validation of path parameters, body parsing, the handler; errors become AgentErrorBody.
 * One JSON log line and one metrics sample per request; bodies are never logged.
 */
export function createAgentServer(options: ServerOptions): AgentServer {
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const tokens = typeof options.token === 'string' ? [options.token] : undefined;
  const authorized = (req: IncomingMessage): boolean =>
    anyBearerTokenMatches(req.headers.authorization, tokens ?? (options.token as () => readonly string[])());

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    // Not `new URL(…).pathname`: it would resolve '..' segments, which must reach name validation instead.
    const path = (req.url ?? '/').split('?')[0]!;
    let routeLabel = 'unmatched';
    let status = 500;
    try {
      let match;
      try {
        match = matchRoute(options.routes, method, path);
        routeLabel = match.route.pattern;
      } catch (e) {
        if (!authorized(req)) throw errors.unauthorized();
        throw e;
      }
      if (!authorized(req)) throw errors.unauthorized();
      const params = decodeParams(match.raw);
      const body = match.route.hasBody ? await readJsonBody(req, limit) : undefined;
      options.beforeHandle?.(method, path);
      const result = await match.route.handle({ params, body });
      status = 200;
      if (match.route.text) send(res, 200, 'text/plain; version=0.0.4; charset=utf-8', String(result));
      else {
        const body = JSON.stringify(result);
        if (match.route.etag) status = sendConditional(req, res, body, match.route.etag(result, body));
        else send(res, 200, 'application/json', body);
      }
    } catch (e) {
      const error = toAgentError(e);
      status = error.status;
      if (error.code === 'internal') {
        options.logger.error('internal error', {
          route: routeLabel,
          error: e instanceof Error ? (e.stack ?? e.message) : String(e),
        });
      }
      send(res, status, 'application/json', JSON.stringify(error.toBody()));
    } finally {
      const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
      options.metrics.observeRequest(method, routeLabel, status, durationMs);
      options.logger.log(status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info', 'request', {
        method,
        route: routeLabel,
        path,
        status,
        durationMs,
      });
    }
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    inFlight += 1;
    void handle(req, res).finally(() => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
  };
  const server: Server = options.tls
    ? createTlsServer(mutualTlsOptions(options.tls), onRequest)
    : createServer(onRequest);
  // A refused handshake (no client certificate, one of another CA, plain HTTP) never becomes a request.
  server.on('tlsClientError', (e: NodeJS.ErrnoException, socket: { remoteAddress?: string }) => {
    options.logger.warn('TLS handshake refused', {
      remote: socket.remoteAddress,
      error: e.code ?? e.message,
    });
  });
  // Explicit, and longer than the client keeps idle connections (see keepAlive.ts).
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = SERVER_HEADERS_TIMEOUT_MS;

  return {
    server,
    setTls: (tls) => {
      if (!options.tls) throw new Error('internal: setTls on a plain HTTP agent server');
      (server as unknown as TlsServer).setSecureContext(secureContextOptions(tls));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => undefined);
        server.closeIdleConnections();
        if (inFlight === 0) resolve();
        else drained = resolve;
      }),
  };
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * A JSON answer with its entity tag; 304 without a body when the request's If-None-Match names
 * the tag (a list, or `*`, as RFC 9110 allows). Returns the status sent.
 */
function sendConditional(req: IncomingMessage, res: ServerResponse, body: string, etag: string): number {
  if (ifNoneMatchNames(req.headers['if-none-match'], etag)) {
    if (!res.headersSent) {
      res.writeHead(304, { etag });
      res.end();
    }
    return 304;
  }
  send(res, 200, 'application/json', body, { etag });
  return 200;
}
