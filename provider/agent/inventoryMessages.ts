import type { AgentError } from './agentError.js';
import type { AgentEndpoint } from './client.js';
import type { HttpAnswer } from './httpSend.js';

/**
 * What the inventory worker is sent, once: a configuration directory whose local, unencrypted
 * state names the agents to ask (read in the worker, with the checks a plan makes).
 */
export interface InventoryRequest {
  localStateOf: string;
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

/** What the worker posts: first the agents it asks (possibly none), then their answers in batches. */
export type InventoryWorkerMessage = { asked: AgentEndpoint[] } | { answers: InventoryAnswer[] };
