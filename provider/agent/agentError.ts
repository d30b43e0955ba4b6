import type { AgentErrorCode } from '../../schemas/generated/agentApi.js';

/** A failed call to an agent, with the agent's own error code when it answered. */
export class AgentError extends Error {
  constructor(
    readonly host: string,
    readonly code: AgentErrorCode | 'unreachable' | 'bad_response' | 'cancelled',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AgentError';
  }
}
