import type { AgentErrorBody, AgentErrorCode } from '../schemas/generated/agentApi.js';

/** An error that agentd reports to its client as data: an HTTP status and an AgentErrorBody. */
export class AgentError extends Error {
  constructor(
    readonly status: number,
    readonly code: AgentErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'AgentError';
  }

  toBody(): AgentErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.detail !== undefined ? { detail: this.detail } : {}),
      },
    };
  }
}

export function isAgentError(e: unknown): e is AgentError {
  return e instanceof AgentError;
}

export const errors = {
  unauthorized: (): AgentError =>
    new AgentError(
      401,
      'unauthorized',
      'missing or invalid bearer token: send "Authorization: Bearer <token>"',
    ),

  invalidName: (param: string, value: string, allowed: string): AgentError =>
    new AgentError(400, 'invalid_name', `invalid ${param} name ${JSON.stringify(value)}: ${allowed}`),

  invalidRequest: (message: string, detail?: string): AgentError =>
    new AgentError(400, 'invalid_request', message, detail),

  bodyTooLarge: (limitBytes: number): AgentError =>
    new AgentError(413, 'invalid_request', `request body is larger than ${limitBytes} bytes`),

  routeNotFound: (method: string, path: string): AgentError =>
    new AgentError(404, 'not_found', `no route ${method} ${JSON.stringify(path)}`),

  methodNotAllowed: (method: string, path: string, allowed: readonly string[]): AgentError =>
    new AgentError(
      405,
      'invalid_request',
      `method ${method} is not allowed on ${JSON.stringify(path)}; allowed: ${allowed.join(', ')}`,
    ),

  notFound: (message: string): AgentError => new AgentError(404, 'not_found', message),

  conflict: (message: string, detail?: string): AgentError =>
    new AgentError(409, 'conflict', message, detail),

  /** An image whose content is not what its sha256 says: nothing was kept. */
  checksumMismatch: (message: string, detail?: string): AgentError =>
    new AgentError(422, 'checksum_mismatch', message, detail),

  toolFailed: (message: string, detail?: string): AgentError =>
    new AgentError(502, 'tool_failed', message, detail),

  internal: (message: string, detail?: string): AgentError =>
    new AgentError(500, 'internal', message, detail),
};

/** Turns anything thrown into an AgentError; unknown errors become 'internal'. */
export function toAgentError(e: unknown): AgentError {
  if (isAgentError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return errors.internal(`internal error: ${message}`);
}
