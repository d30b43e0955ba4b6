import type { AgentError } from './agentError.js';
import type { AgentEndpoint } from './agentRequest.js';
import type { HttpAnswer } from './httpSend.js';

/** What the inventory worker is started with (workerData). */
export interface InventoryWorkerData {
  /**
   * A local state file to read at once, while the main thread starts: its hosts' endpoints are
   * then known before the main thread has read the state itself (see InventoryRequest).
   */
  statePath?: string;
}

/**
 * What the inventory worker is sent, once: the agents to ask, or `recorded`: the hosts whose
 * endpoints the state file it read at its start records (none when it read none).
 */
export type InventoryRequest = { targets: AgentEndpoint[] } | { recorded: true };

/**
 * One host's answer: the agent's HTTP answer (read and checked by the thread that uses it), the
 * AgentError a direct call would have thrown for want of one, or neither.
 */
export type InventoryAnswer =
  | { host: string; answer: HttpAnswer }
  | { host: string; error: Pick<AgentError, 'code' | 'message' | 'status'> }
  /** Something other than an agent failure (a bug): the caller asks the agent itself. */
  | { host: string; unanswered: true };

/** What the worker posts: first the agents it asks (before any answer), then the answers in batches. */
export type InventoryWorkerMessage = { asked: AgentEndpoint[] } | { answers: InventoryAnswer[] };
