import { setTimeout as sleep } from 'node:timers/promises';
import { AgentError } from './agentError.js';
import { connectionPool } from './connections.js';
import { httpSend, type HttpAnswer } from './httpSend.js';
import { RETRY_DELAYS_MS, shouldRetry } from './retryPolicy.js';
import { clientTlsFor, explainConnectionError, tlsDispatcher, type ClientTls } from './tls.js';

/** Requests this process sent to agents (attempts), sent again (see retryPolicy), and failed unanswered. */
export const agentRequestStats = { attempts: 0, retries: 0, unreachable: 0 };

export interface AgentEndpoint {
  /** The host's name (nssv_host.name), for messages. */
  host: string;
  endpoint: string;
  token: string;
  /** For an https:// endpoint: the TLS directory (CA nssv pins, its client certificate); see ./tls.ts. */
  tlsDir?: string;
}

/** How one request goes out: the answer, or the socket's error when no answer came (see httpSend). */
export type AgentTransport = (
  url: string,
  request: {
    method: string;
    headers: Record<string, string>;
    body: string | undefined;
    signal: AbortSignal;
    /** For an https:// endpoint: the CA to pin and the client certificate to present. */
    tls: ClientTls | null;
  },
) => Promise<HttpAnswer>;

/** The default transport: Node's client over the shared keep-alive pools (one per TLS directory). */
export const pooledTransport: AgentTransport = (url, { tls, ...request }) =>
  httpSend(url, { ...request, agent: tls ? tlsDispatcher(tls) : connectionPool() });

export interface AgentClientOptions {
  timeoutMs?: number;
  /**
   * How requests go out (default pooledTransport). The inventory worker, which asks each agent
   * once, sends over a connection per request instead (oneShotSend).
   */
  transport?: AgentTransport;
  /** Aborts calls in flight and refuses new ones (the provider's StopProvider); its reason is the message. */
  signal?: AbortSignal;
}

/**
 * Requests to one host's agent, their answers unread: over the shared keep-alive connections (or
 * the host's TLS directory's), sent again on the failures retryPolicy names, and an AgentError
 * ('unreachable', 'cancelled') that explains why when no answer came. AgentClient reads and
 * checks the answers; the inventory worker sends with this alone, without the agent API's
 * validators.
 */
export class AgentRequester {
  protected readonly base: string;
  protected readonly timeoutMs: number;
  /** Read on first use (null: plain http://). */
  private tls: ClientTls | null | undefined;
  private readonly signal: AbortSignal | undefined;
  private readonly transport: AgentTransport;

  constructor(
    readonly target: AgentEndpoint,
    options: AgentClientOptions = {},
  ) {
    this.base = target.endpoint.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.signal = options.signal;
    this.transport = options.transport ?? pooledTransport;
  }

  /** One request, sent again on the failures retryPolicy names. */
  private async send(
    method: string,
    path: string,
    body: string | undefined,
    timeoutMs: number,
    extraHeaders: Record<string, string>,
  ): Promise<HttpAnswer> {
    const tls = this.tls ?? null;
    for (let attempt = 1; ; attempt++) {
      agentRequestStats.attempts += 1;
      try {
        return await this.transport(this.base + path, {
          method,
          tls,
          headers: {
            ...extraHeaders,
            authorization: `Bearer ${this.target.token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body,
          signal: this.signal
            ? AbortSignal.any([this.signal, AbortSignal.timeout(timeoutMs)])
            : AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        if (!shouldRetry(method, err, attempt)) throw err;
        agentRequestStats.retries += 1;
        const delay = RETRY_DELAYS_MS[attempt - 1] ?? 0;
        if (delay > 0) await sleep(delay);
      }
    }
  }

  /**
   * The agent's answer to one request, unread: what AgentClient checks. The inventory worker sends
   * with it and the thread that plans reads the answer (AgentClient.inventoryFrom), so that parsing and
   * checking the body is done where the answer is used.
   */
  async request(
    method: string,
    path: string,
    body?: unknown,
    timeoutMs = this.timeoutMs,
    /** More request headers (`if-none-match` for a conditional read). */
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpAnswer> {
    const { host } = this.target;
    if (this.tls === undefined) this.tls = clientTlsFor(this.target) ?? null;
    try {
      const text = body === undefined ? undefined : JSON.stringify(body);
      return await this.send(method, path, text, timeoutMs, extraHeaders);
    } catch (err) {
      this.throwIfCancelled(method, path);
      agentRequestStats.unreachable += 1;
      // Duck-typed: errors may come from another realm (e.g. under a test runner's VM).
      const e = err as { message?: unknown; cause?: { message?: unknown } } | undefined;
      // Node's client throws the socket's own error; an abort (timeout, cancel) carries its reason in `cause`.
      const explained =
        explainConnectionError(this.target, e?.cause ?? {}) ??
        explainConnectionError(this.target, (e ?? {}) as { code?: unknown; message?: unknown });
      if (explained !== undefined) throw new AgentError(host, 'unreachable', explained);
      const why = String(e?.cause?.message ?? e?.message ?? err);
      throw new AgentError(
        host,
        'unreachable',
        `cannot reach the agent of host ${host} at ${this.base}: ${why}`,
      );
    }
  }

  protected throwIfCancelled(method: string, path: string): void {
    if (!this.signal?.aborted) return;
    const { host } = this.target;
    throw new AgentError(
      host,
      'cancelled',
      `${method} ${path} to the agent of host ${host} was cancelled: ${String(this.signal.reason instanceof Error ? this.signal.reason.message : this.signal.reason)}`,
    );
  }
}
