// Entry of the inventory worker thread (bundled as dist/cli/inventoryWorker.cjs). Started with a
// local state file to read (workerData.statePath), it reads the hosts that file records at once,
// while the main thread starts and parses the configuration. Told whom to ask (those recorded, or
// a list), it posts that list, then sends each agent GET /v1/inventory through the AgentRequester
// the main thread's AgentClient uses (the same retries, TLS pinning and errors when no answer
// comes; a connection per request, see oneShotSend), and posts the HTTP answers back in batches,
// as text: the main thread parses and checks each one when it uses it
// (AgentClient.inventoryFrom). The HTTP work of a refresh then runs beside the main thread's own
// read of the state and the configuration's evaluation. It imports no validators, so that it
// loads in a few milliseconds.
import { parentPort, workerData } from 'node:worker_threads';
import { AgentError } from './agentError.js';
import { AgentRequester } from './agentRequest.js';
import { oneShotSend } from './oneShotSend.js';
import type {
  InventoryAnswer,
  InventoryRequest,
  InventoryWorkerData,
  InventoryWorkerMessage,
} from './inventoryMessages.js';
import { recordedTargets } from './recordedTargets.js';
import type { AgentEndpoint } from './agentRequest.js';

const batch: InventoryAnswer[] = [];
/** Answers not posted yet. */
let pending = 0;

function post(answer: InventoryAnswer): void {
  // Answers that arrive together go in one message: fewer wake-ups of the main thread.
  if (batch.length === 0) setImmediate(flush);
  batch.push(answer);
}

function flush(): void {
  const answers = batch.splice(0);
  send({ answers });
  pending -= answers.length;
  // Done: the thread ends now (its kept-alive connections with it), while the plan goes on.
  if (pending === 0) setImmediate(() => process.exit(0));
}

const send = (m: InventoryWorkerMessage): void => parentPort!.postMessage(m);

function ask(targets: AgentEndpoint[]): void {
  send({ asked: targets });
  pending = targets.length;
  if (pending === 0) setImmediate(() => process.exit(0));
  for (const target of targets) {
    new AgentRequester(target, { transport: oneShotSend }).request('GET', '/v1/inventory').then(
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

// Read before the main thread asks (a message sent meanwhile waits in the port's queue).
const { statePath } = (workerData ?? {}) as InventoryWorkerData;
const recorded = statePath === undefined ? [] : recordedTargets(statePath);

// Started before the hosts are known (it loads while the configuration is parsed), then told them once.
parentPort!.once('message', (request: InventoryRequest) =>
  ask('targets' in request ? request.targets : recorded),
);
