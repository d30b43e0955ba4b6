import type { AgentError } from './agentError.js';
import type { AgentEndpoint } from './agentRequest.js';
import type { HttpAnswer } from './httpSend.js';

/** What the inventory worker is sent, once: the agents to ask. */
export interface InventoryRequest {
  targets: AgentEndpoint[];
  /**
   * By host: the entity tag of an inventory already read, sent as If-None-Match (the agent then
   * answers 304 without a body when its inventory is still that one).
   */
  etags?: Record<string, string>;
}

/**
 * One host's answer: the agent's HTTP answer (read and checked by the thread that uses it), the
 * AgentError a direct call would have thrown for want of one, or neither.
 */
export type InventoryAnswer =
  | { host: string; answer: HttpAnswer }
  | { host: string; error: Pick<AgentError, 'code' | 'message' | 'status'> }
  /** Something other than an agent failure (a bug): the caller asks the agent itself. */
  | { host: string; unanswered: true };

/** What the worker posts: the answers, in batches. */
export interface InventoryWorkerMessage {
  answers: InventoryAnswer[];
}
