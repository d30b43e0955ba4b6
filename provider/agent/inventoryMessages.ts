import type { Inventory } from '../../schemas/generated/agentApi.js';
import type { AgentError } from './agentError.js';
import type { AgentEndpoint } from './client.js';

/** What the inventory worker is sent, once: the agents to ask, one inventory each. */
export interface InventoryRequest {
  targets: AgentEndpoint[];
}

/** One host's answer: its checked inventory, the AgentError a direct call would have thrown, or neither. */
export type InventoryAnswer =
  | { host: string; inventory: Inventory }
  | { host: string; error: Pick<AgentError, 'code' | 'message' | 'status'> }
  /** Something other than an agent failure (a bug): the caller asks the agent itself. */
  | { host: string; unanswered: true };
