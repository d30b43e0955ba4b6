import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AgentClient, agentRequestStats } from '../../../provider/agent/client.js';
import { AgentError } from '../../../provider/agent/agentError.js';

/**
 * A bare HTTP server that cuts the connection of the first `cuts` requests without answering
 * (as an agent closing an idle keep-alive connection does to a request written onto it), then
 * answers with `reply`.
 */
class CuttingServer {
  seen: string[] = [];
  cuts = 0;
  reply: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ host: 'h1', agentVersion: '0.1.0' }));
  };
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.seen.push(`${req.method} ${req.url}`);
      req.resume();
      if (this.cuts > 0) {
        this.cuts -= 1;
        req.socket.destroy();
        return;
      }
      this.reply(req, res);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    this.server!.closeAllConnections();
    return new Promise((r) => this.server!.close(() => r()));
  }
}

let server: CuttingServer;
let client: AgentClient;
beforeEach(async () => {
  server = await new CuttingServer().start();
  client = new AgentClient({ host: 'h1', endpoint: server.url, token: 't' });
});
afterEach(() => server.close());

async function failure(p: Promise<unknown>): Promise<AgentError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof AgentError)) throw new Error(`expected an AgentError, got ${String(e)}`);
  return e;
}

describe('AgentClient retries', () => {
  it('GIVEN the first GET is cut WHEN health is read THEN it is sent again and answers', async () => {
    server.cuts = 1;
    const before = agentRequestStats.retries;
    expect(await client.health()).toEqual({ host: 'h1', agentVersion: '0.1.0' });
    expect(server.seen).toEqual(['GET /v1/health', 'GET /v1/health']);
    expect(agentRequestStats.retries - before).toBe(1);
  });

  it('GIVEN two PUTs cut in a row WHEN a pool is put THEN the third attempt succeeds', async () => {
    server.cuts = 2;
    server.reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ name: 'p1', address: 'a', path: '/p', capacityBytes: 1, availableBytes: 1 }));
    };
    expect((await client.putPool('p1', { address: 'a' })).name).toBe('p1');
    expect(server.seen).toEqual(['PUT /v1/pools/p1', 'PUT /v1/pools/p1', 'PUT /v1/pools/p1']);
  });

  it('GIVEN every DELETE is cut WHEN a volume is deleted THEN 3 attempts, then unreachable', async () => {
    server.cuts = 10;
    const e = await failure(client.deleteVolume('p1', 'v1'));
    expect({ code: e.code, message: e.message }).toEqual({
      code: 'unreachable',
      // An http:// agent that closes every connection unanswered is what a TLS agent does to plain HTTP.
      message: `the agent of host h1 at ${server.url} closed the connection (ECONNRESET); an agent installed by nssv speaks only HTTPS with mutual TLS. Fix: use https:// in the endpoint of nssv_host "h1"`,
    });
    expect(server.seen).toEqual(Array(3).fill('DELETE /v1/pools/p1/volumes/v1'));
  });

  it('GIVEN an HTTP 503 answer WHEN called THEN it is not sent again', async () => {
    server.reply = (_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'busy', message: 'host is busy' } }));
    };
    const e = await failure(client.health());
    expect(e.status).toBe(503);
    expect(server.seen).toEqual(['GET /v1/health']);
  });

  it('GIVEN an agent slower than the timeout WHEN called THEN one attempt, then unreachable', async () => {
    server.reply = () => undefined; // never answers
    const slow = new AgentClient({ host: 'h1', endpoint: server.url, token: 't' }, { timeoutMs: 200 });
    const e = await failure(slow.putSwitch('s1', { address: 'a', mtu: 1500 } as never));
    expect(e.message).toBe(
      `cannot reach the agent of host h1 at ${server.url}: The operation was aborted due to timeout`,
    );
    expect(server.seen).toEqual(['PUT /v1/switches/s1']);
  });

  it('GIVEN many requests at once WHEN sent THEN at most 8 connections are open to the agent', async () => {
    let open = 0;
    let peak = 0;
    const sockets = new Set<unknown>();
    server.reply = (req, res) => {
      if (!sockets.has(req.socket)) {
        sockets.add(req.socket);
        open += 1;
        peak = Math.max(peak, open);
        req.socket.on('close', () => (open -= 1));
      }
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ host: 'h1', agentVersion: '0.1.0' }));
      }, 20);
    };
    await Promise.all(Array.from({ length: 40 }, () => client.health()));
    expect(server.seen).toHaveLength(40);
    expect(peak).toBe(8);
  });
});
