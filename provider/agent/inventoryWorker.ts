// Entry of the inventory worker thread (bundled as dist/cli/inventoryWorker.cjs). It sends each
// agent it is given GET /v1/inventory (with If-None-Match when it is given the host's last tag)
// through the AgentRequester the main thread's AgentClient uses (the same retries, TLS pinning and
// errors when no answer comes; a connection per request, see oneShotSend), and posts the HTTP
// answers back in batches, as text: the main thread parses and checks each one when it uses it
// (AgentClient.inventoryFrom). The HTTP work of a refresh then runs beside the configuration's
// evaluation. It imports no validators, so that it loads in a few milliseconds.
import { parentPort } from 'node:worker_threads';
import { AgentError } from './agentError.js';
import { AgentRequester } from './agentRequest.js';
import { oneShotSend } from './oneShotSend.js';
import type { InventoryAnswer, InventoryRequest, InventoryWorkerMessage } from './inventoryMessages.js';

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

function ask(request: InventoryRequest): void {
  pending = request.targets.length;
  if (pending === 0) process.exit(0);
  for (const target of request.targets) {
    const etag = request.etags?.[target.host];
    const conditional: Record<string, string> = etag === undefined ? {} : { 'if-none-match': etag };
    new AgentRequester(target, { transport: oneShotSend })
      .request('GET', '/v1/inventory', undefined, undefined, conditional)
      .then(
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

// Started before the hosts are known (it loads while the configuration is parsed), then told them once.
parentPort!.once('message', ask);
