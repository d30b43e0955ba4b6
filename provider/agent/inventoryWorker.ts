// Entry of the inventory worker thread (bundled as dist/cli/inventoryWorker.cjs): sends every agent
// the configuration's local state records GET /v1/inventory through the same AgentClient as the main thread (retries, TLS
// pinning, the same errors when no answer comes), and posts the HTTP answers back in batches, as
// text: the main thread parses and checks each one when it uses it (AgentClient.inventoryFrom).
// The HTTP work of a refresh then runs beside the configuration's evaluation.
import { parentPort } from 'node:worker_threads';
import { AgentError } from './agentError.js';
import { AgentClient } from './client.js';
import type { InventoryAnswer, InventoryRequest, InventoryWorkerMessage } from './inventoryMessages.js';
import { localStateEndpoints } from '../state/localStateEndpoints.js';

const batch: InventoryAnswer[] = [];

function post(answer: InventoryAnswer): void {
  // Answers that arrive together go in one message: fewer wake-ups of the main thread.
  if (batch.length === 0) setImmediate(() => send({ answers: batch.splice(0) }));
  batch.push(answer);
}

const send = (m: InventoryWorkerMessage): void => parentPort!.postMessage(m);

async function ask(request: InventoryRequest): Promise<void> {
  const targets = await localStateEndpoints(request.localStateOf);
  send({ asked: targets });
  for (const target of targets) {
    new AgentClient(target).request('GET', '/v1/inventory').then(
      (answer) => post({ host: target.host, answer }),
      (e: unknown) =>
        post(
          e instanceof AgentError
            ? {
                host: target.host,
                error: {
                  code: e.code,
                  message: e.message,
                  ...(e.status === undefined ? {} : { status: e.status }),
                },
              }
            : { host: target.host, unanswered: true },
        ),
    );
  }
}

// Started before the hosts are known (it loads while the state is read), then told them once.
parentPort!.once('message', (request: InventoryRequest) => void ask(request));
