/**
 * Which failed agent requests are sent again. Only failures of the connection itself that leave
 * no answer — the agent (or its kernel) reset or closed the socket, typically an idle keep-alive
 * connection it was closing as the request went out — and only for the agent API's idempotent
 * methods: GET reads, PUT converges to the spec it carries, DELETE converges to absence, so a
 * second copy of a request that did reach the agent does no harm. Never retried: other methods,
 * a refused connection (nothing listens: retrying only delays the error), a timeout (the
 * operation may still be running on the host), and any HTTP answer, errors included.
 */
export const RETRIED_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE']);
export const RETRIED_ERRORS: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE']);
/** Attempts in all, the first included. */
export const MAX_ATTEMPTS = 3;
/** Pause before the 2nd, 3rd… attempt: the first retry goes at once on a fresh connection. */
export const RETRY_DELAYS_MS: readonly number[] = [0, 100];

/** The error code of a failed request (Node's errno code), if any. */
export function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether a request with `method` that failed with `err` on attempt `attempt` (1-based) is sent again. */
export function shouldRetry(method: string, err: unknown, attempt: number): boolean {
  if (attempt >= MAX_ATTEMPTS) return false;
  if (!RETRIED_METHODS.has(method.toUpperCase())) return false;
  const code = errorCode(err);
  return code !== undefined && RETRIED_ERRORS.has(code);
}
