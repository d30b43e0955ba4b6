import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentClient } from '../../../provider/agent/client.js';
import { AgentError } from '../../../provider/agent/agentError.js';
import {
  inventoryWorkerFile,
  startInventoryWorker,
  type InventoryWorker,
} from '../../../provider/agent/inventoryPrefetch.js';
import { FakeAgent } from './fakeAgent.js';

async function outcome(p: Promise<unknown> | undefined): Promise<unknown> {
  if (p === undefined) return 'not prefetched';
  return p.then(
    (v) => v,
    (e: unknown) =>
      e instanceof AgentError ? { host: e.host, code: e.code, message: e.message, status: e.status } : e,
  );
}

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

  it('GIVEN agents WHEN the worker asks them THEN each inventory equals what a direct call reads, taken once per endpoint', async () => {
    worker = startInventoryWorker();
    const prefetch = worker!.ask([h1.endpoint(), h2.endpoint()])!;
    expect(await outcome(prefetch.take(h1.endpoint()))).toEqual(
      await new AgentClient(h1.endpoint()).inventory(),
    );
    expect(await outcome(prefetch.take(h1.endpoint()))).toBe('not prefetched');
    // another token (or URL) than the one asked: the caller asks the agent itself
    expect(await outcome(prefetch.take(h2.endpoint('another-token')))).toBe('not prefetched');
    expect(await outcome(prefetch.take({ ...h2.endpoint(), endpoint: `${h2.endpoint().endpoint}/` }))).toBe(
      'not prefetched',
    );
    expect(await outcome(prefetch.take({ host: 'h3', endpoint: 'http://127.0.0.1:1', token: 't' }))).toBe(
      'not prefetched',
    );
    expect(h1.requests.filter((r) => r.path === '/v1/inventory')).toHaveLength(2);
  });

  it('GIVEN a wrong token and an agent that is down WHEN taken THEN they fail with the AgentError a direct call throws', async () => {
    const down = { host: 'h9', endpoint: `http://127.0.0.1:${await closedPort()}`, token: 't' };
    worker = startInventoryWorker();
    const wrong = h1.endpoint('wrong-token');
    const prefetch = worker!.ask([wrong, down])!;
    const direct = async (t: typeof down): Promise<unknown> => outcome(new AgentClient(t).inventory());
    const fromWorker = await outcome(prefetch.take(wrong));
    expect(fromWorker).toEqual(await direct(wrong));
    expect(fromWorker).toMatchObject({ host: 'h1', status: 401 });
    const unreachable = await outcome(prefetch.take(down));
    expect(unreachable).toEqual(await direct(down));
    expect(unreachable).toMatchObject({ host: 'h9', code: 'unreachable' });
  });

  it('GIVEN a worker that dies WHEN its answers are taken THEN they resolve to undefined (ask directly)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-worker-'));
    try {
      const file = join(dir, 'dies.cjs');
      writeFileSync(file, "throw new Error('broken worker');\n");
      worker = startInventoryWorker(file);
      const prefetch = worker!.ask([h1.endpoint()])!;
      expect(await outcome(prefetch.take(h1.endpoint()))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN no agents WHEN asked THEN there is nothing to take', () => {
    worker = startInventoryWorker();
    expect(worker!.ask([])).toBeUndefined();
    expect(() => worker!.ask([h1.endpoint()])).toThrow('bug: the inventory worker is asked once');
  });
});
