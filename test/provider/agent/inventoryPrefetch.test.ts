import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentClient, type AgentEndpoint } from '../../../provider/agent/client.js';
import type { HttpAnswer } from '../../../provider/agent/httpSend.js';
import { AgentError } from '../../../provider/agent/agentError.js';
import {
  inventoryWorkerFile,
  startInventoryWorker,
  type InventoryWorker,
} from '../../../provider/agent/inventoryPrefetch.js';
import { FakeAgent } from './fakeAgent.js';

/** What a take gives: the inventory read from the answer, the AgentError's fields, or why there is none. */
async function outcome(
  target: AgentEndpoint,
  p: Promise<HttpAnswer | undefined> | undefined,
): Promise<unknown> {
  if (p === undefined) return 'taken already';
  return p
    .then((res) => (res === undefined ? 'ask directly' : new AgentClient(target).inventoryFrom(res)))
    .catch(failure);
}

const failure = (e: unknown): unknown =>
  e instanceof AgentError ? { host: e.host, code: e.code, message: e.message, status: e.status } : e;

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

let h1: FakeAgent;
let h2: FakeAgent;
let worker: InventoryWorker | undefined;
beforeEach(async () => {
  h1 = await new FakeAgent('h1').start();
  h2 = await new FakeAgent('h2').start();
});
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  await h1.close();
  await h2.close();
});

describe('the inventory worker', () => {
  it('GIVEN the built CLI THEN the worker bundle is found next to it', () => {
    expect(inventoryWorkerFile()).toMatch(/dist\/cli\/inventoryWorker\.cjs$/);
  });

  it('GIVEN agents WHEN the worker asks them THEN each answer reads as what a direct call reads, taken once per host', async () => {
    worker = startInventoryWorker();
    const prefetch = worker!.ask([h1.endpoint(), h2.endpoint()]);
    const direct = await new AgentClient(h1.endpoint()).inventory();
    expect(await outcome(h1.endpoint(), prefetch.take(h1.endpoint()))).toEqual(direct);
    expect(await outcome(h1.endpoint(), prefetch.take(h1.endpoint()))).toBe('taken already');
    // another token than the one asked: the caller asks the agent itself
    expect(await outcome(h2.endpoint(), prefetch.take(h2.endpoint('another-token')))).toBe('ask directly');
    const h3 = { host: 'h3', endpoint: 'http://127.0.0.1:1', token: 't' };
    expect(await outcome(h3, prefetch.take(h3))).toBe('ask directly');
    expect(h1.requests.filter((r) => r.path === '/v1/inventory')).toHaveLength(2);
  });

  it('GIVEN tags for hosts WHEN the worker asks THEN If-None-Match: 304 for a tag that is current, the inventory and its new tag otherwise', async () => {
    const current = (await new AgentClient(h1.endpoint()).request('GET', '/v1/inventory')).etag!;
    worker = startInventoryWorker();
    const prefetch = worker!.ask([h1.endpoint(), h2.endpoint()], { h1: current, h2: '"an-older-tag"' });
    const one = await prefetch.take(h1.endpoint());
    const two = await prefetch.take(h2.endpoint());
    expect(one).toEqual({ status: 304, text: '', etag: current });
    expect({ status: two?.status, tagged: /^"[\w-]{43}"$/.test(two?.etag ?? '') }).toEqual({
      status: 200,
      tagged: true,
    });
    expect(new AgentClient(h2.endpoint()).inventoryFrom(two!)).toEqual(h2.inventory);
  });

  it('GIVEN another URL for a host WHEN taken THEN it is not the answer of the URL asked', async () => {
    worker = startInventoryWorker();
    const prefetch = worker!.ask([h2.endpoint()]);
    const moved = { ...h2.endpoint(), endpoint: `${h2.endpoint().endpoint}/` };
    expect(await outcome(moved, prefetch.take(moved))).toBe('ask directly');
  });

  it('GIVEN a wrong token and an agent that is down WHEN taken THEN they fail with the AgentError a direct call throws', async () => {
    const down = { host: 'h9', endpoint: `http://127.0.0.1:${await closedPort()}`, token: 't' };
    const wrong = h1.endpoint('wrong-token');
    worker = startInventoryWorker();
    const prefetch = worker!.ask([wrong, down]);
    const direct = async (t: AgentEndpoint): Promise<unknown> =>
      new AgentClient(t).inventory().catch(failure);
    const fromWorker = await outcome(wrong, prefetch.take(wrong));
    expect(fromWorker).toEqual(await direct(wrong));
    expect(fromWorker).toMatchObject({ host: 'h1', status: 401 });
    const unreachable = await outcome(down, prefetch.take(down));
    expect(unreachable).toEqual(await direct(down));
    expect(unreachable).toMatchObject({ host: 'h9', code: 'unreachable' });
  });

  it.each([
    ['while it is asked', 0],
    ['before it is asked', 300],
  ])(
    'GIVEN a worker that dies %s WHEN its answers are taken THEN they resolve to undefined (ask directly)',
    async (_when, waitMs) => {
      const dir = mkdtempSync(join(tmpdir(), 'nssv-worker-'));
      try {
        const file = join(dir, 'dies.cjs');
        writeFileSync(file, "throw new Error('broken worker');\n");
        worker = startInventoryWorker(file);
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
        const prefetch = worker!.ask([h1.endpoint()]);
        expect(await outcome(h1.endpoint(), prefetch.take(h1.endpoint()))).toBe('ask directly');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('GIVEN no agents WHEN asked THEN every take says to ask directly; the worker is asked once', async () => {
    worker = startInventoryWorker();
    const prefetch = worker!.ask([]);
    expect(await outcome(h1.endpoint(), prefetch.take(h1.endpoint()))).toBe('ask directly');
    expect(() => worker!.ask([])).toThrow('bug: the inventory worker is asked once');
  });
});
