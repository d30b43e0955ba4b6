import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AgentError } from './agentError.js';
import type { AgentEndpoint } from './client.js';
import type { HttpAnswer } from './httpSend.js';
import type { InventoryAnswer, InventoryRequest } from './inventoryMessages.js';

/** Inventory requests sent by a worker thread, each answer to be taken once by the context that needs it. */
export interface InventoryPrefetch {
  /**
   * The agent's answer to GET /v1/inventory sent to exactly this endpoint (same URL, token and
   * TLS directory), the first time it is taken; undefined otherwise. Read it with
   * AgentClient.inventoryFrom. Rejects with the AgentError a direct call would have thrown when
   * no answer came; resolves to undefined when the worker could not send (then ask directly).
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
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  const file = join(dir, 'dist', 'cli', 'inventoryWorker.cjs');
  return existsSync(file) ? file : undefined;
}

const sameTarget = (a: AgentEndpoint, b: AgentEndpoint): boolean =>
  a.host === b.host && a.endpoint === b.endpoint && a.token === b.token && a.tlsDir === b.tlsDir;

function deliver(slot: Slot): void {
  const { answer, waiter } = slot;
  if (!answer || !waiter) return;
  if ('answer' in answer) waiter.resolve(answer.answer);
  else if ('error' in answer) {
    const { code, message, status } = answer.error;
    waiter.reject(new AgentError(answer.host, code, message, status));
  } else waiter.resolve(undefined);
}

/** A worker thread, loading while the caller finds out which agents to ask (see inventoryWorker.ts). */
export interface InventoryWorker {
  /** Sends the worker these agents (once); undefined when there is nothing to ask. */
  ask(targets: readonly AgentEndpoint[]): InventoryPrefetch | undefined;
  /** Stops the worker; answers not taken are dropped. */
  close(): Promise<void>;
}

/** Starts the inventory worker (it keeps the process alive until closed); undefined when it is not built. */
export function startInventoryWorker(
  workerFile: string | undefined = inventoryWorkerFile(),
): InventoryWorker | undefined {
  if (workerFile === undefined) return undefined;
  const worker = new Worker(workerFile);
  let asked = false;
  return {
    async close() {
      await worker.terminate();
    },
    ask(targets) {
      if (asked) throw new Error('bug: the inventory worker is asked once');
      asked = true;
      if (targets.length === 0) return undefined;
      const slots = new Map<string, Slot>(targets.map((t) => [t.host, { target: t }]));
      /** Slots the worker has not answered yet, by host. */
      const waiting = new Map(slots);
      const settle = (slot: Slot, answer: InventoryAnswer): void => {
        waiting.delete(slot.target.host);
        slot.answer = answer;
        deliver(slot);
      };
      worker.on('message', (answers: InventoryAnswer[]) => {
        for (const a of answers) {
          const slot = waiting.get(a.host);
          if (slot) settle(slot, a);
        }
      });
      // A worker that fails or ends leaves the hosts it did not answer to be asked directly.
      const giveUp = (): void => {
        for (const slot of [...waiting.values()]) settle(slot, { host: slot.target.host, unanswered: true });
      };
      worker.on('error', giveUp);
      worker.on('exit', giveUp);
      const request: InventoryRequest = { targets: [...slots.values()].map((s) => s.target) };
      worker.postMessage(request);
      return {
        take(target) {
          const slot = slots.get(target.host);
          if (!slot || !sameTarget(slot.target, target)) return undefined;
          slots.delete(target.host);
          return new Promise<HttpAnswer | undefined>((resolve, reject) => {
            slot.waiter = { resolve, reject };
            deliver(slot);
          });
        },
      };
    },
  };
}
