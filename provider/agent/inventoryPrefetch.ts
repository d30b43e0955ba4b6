import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../packageRoot.js';
import { AgentError } from './agentError.js';
import type { AgentEndpoint } from './agentRequest.js';
import type { HttpAnswer } from './httpSend.js';
import type { InventoryAnswer, InventoryRequest, InventoryWorkerMessage } from './inventoryMessages.js';

/** Inventory requests sent by a worker thread, each answer to be taken once by the context that needs it. */
export interface InventoryPrefetch {
  /**
   * The agent's answer to GET /v1/inventory, the first time a host is taken (undefined after),
   * when the worker asked exactly this endpoint (same URL, token and TLS directory); read it with
   * AgentClient.inventoryFrom. A 304 without a body when the host was asked with a tag (`ask`'s
   * etags) that is still its inventory's. Resolves to undefined when the worker did not ask this
   * endpoint or could not send (then ask directly); rejects with the AgentError a direct call
   * would have thrown when no answer came.
   */
  take(target: AgentEndpoint): Promise<HttpAnswer | undefined> | undefined;
}

interface Slot {
  target: AgentEndpoint;
  answer?: InventoryAnswer;
  waiter?: { resolve: (res: HttpAnswer | undefined) => void; reject: (e: AgentError) => void };
}

/** The bundled worker (scripts/bundle-cli.mjs), found from the package root; undefined when not built. */
export function inventoryWorkerFile(): string | undefined {
  const root = packageRoot();
  const file = root === undefined ? undefined : join(root, 'dist', 'cli', 'inventoryWorker.cjs');
  return file !== undefined && existsSync(file) ? file : undefined;
}

const sameTarget = (a: AgentEndpoint, b: AgentEndpoint): boolean =>
  a.host === b.host && a.endpoint === b.endpoint && a.token === b.token && a.tlsDir === b.tlsDir;

/** What a slot holds once its answer is taken. */
const TAKEN: InventoryAnswer = { host: '', unanswered: true };

function deliver(slot: Slot): void {
  const { answer, waiter } = slot;
  if (!answer || !waiter) return;
  // Taken once: the slot lets go of the answer's text (7 MB for 1,000 hosts), which would
  // otherwise live, and be copied by the collector, until the plan ends.
  slot.answer = TAKEN;
  slot.waiter = undefined;
  if ('answer' in answer) waiter.resolve(answer.answer);
  else if ('error' in answer) {
    const { code, message, status } = answer.error;
    waiter.reject(new AgentError(answer.host, code, message, status));
  } else waiter.resolve(undefined);
}

/** The worker's young generation, in MiB (V8 splits it between its semi-spaces). */
const WORKER_YOUNG_MIB = 8;

/** A worker thread, loading while the caller finds out which agents to ask (see inventoryWorker.ts). */
export interface InventoryWorker {
  /**
   * Has the worker ask these agents for their inventories (once); a host with a tag in `etags` is
   * asked conditionally (If-None-Match).
   */
  ask(targets: readonly AgentEndpoint[], etags?: Readonly<Record<string, string>>): InventoryPrefetch;
  /** Stops the worker; answers not taken are dropped. */
  close(): Promise<void>;
}

/** Starts the inventory worker (it keeps the process alive until closed); undefined when it is not built. */
export function startInventoryWorker(
  workerFile: string | undefined = inventoryWorkerFile(),
): InventoryWorker | undefined {
  if (workerFile === undefined) return undefined;
  // A small young generation: what the worker keeps (answers until sent) is small, and the
  // default lets its new space grow to ~32 MB, each page of it touched for the first time once
  // (for 1,000 hosts: ~3,000 fewer page faults, 0.1 s less CPU; bench/README, session 20).
  const worker = new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MIB } });
  /** The agents asked, by host (once asked). */
  let slots: Map<string, Slot> | undefined;
  let ended = false;
  const settle = (slot: Slot, answer: InventoryAnswer): void => {
    slot.answer = answer;
    deliver(slot);
  };
  worker.on('message', (m: InventoryWorkerMessage) => {
    for (const a of m.answers) {
      const slot = slots?.get(a.host);
      if (slot && !slot.answer) settle(slot, a);
    }
  });
  // A worker that fails or ends, before it is asked or after, leaves the hosts it did not answer
  // to be asked directly.
  const giveUp = (): void => {
    ended = true;
    for (const slot of slots?.values() ?? [])
      if (!slot.answer) settle(slot, { host: slot.target.host, unanswered: true });
  };
  worker.on('error', giveUp);
  worker.on('exit', giveUp);
  return {
    async close() {
      await worker.terminate();
    },
    ask(targets, etags) {
      if (slots) throw new Error('bug: the inventory worker is asked once');
      slots = new Map<string, Slot>(targets.map((t) => [t.host, { target: t }]));
      if (ended) giveUp();
      else {
        const request: InventoryRequest = {
          targets: [...targets],
          ...(etags ? { etags: { ...etags } } : {}),
        };
        worker.postMessage(request);
      }
      const asked = slots;
      const taken = new Set<string>();
      return {
        take(target) {
          if (taken.has(target.host)) return undefined;
          taken.add(target.host);
          const slot = asked.get(target.host);
          if (!slot || !sameTarget(slot.target, target)) return Promise.resolve(undefined);
          return new Promise<HttpAnswer | undefined>((resolve, reject) => {
            slot.waiter = { resolve, reject };
            deliver(slot);
          });
        },
      };
    },
  };
}
