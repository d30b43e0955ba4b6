import type { Inventory } from '../../schemas/generated/agentApi.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { emptyInventory } from './inventory.js';

/**
 * An HTTP endpoint answering the agent API's inventory for one empty host, whose answers wait
 * until the test opens the gate: a slow agent, to hold an apply (and its state lock) mid-run at
 * a point the test chooses. It checks the bearer token like agentd.
 */
export interface GatedAgent {
  endpoint: string;
  /** Resolves when the first request has arrived (the apply holds its lock by then). */
  firstRequest: Promise<void>;
  open(): void;
  close(): Promise<void>;
}

export async function startGatedAgent(host: string, token: string, gated = true): Promise<GatedAgent> {
  let release!: () => void;
  const gate = gated ? new Promise<void>((r) => (release = r)) : Promise.resolve();
  let arrived!: () => void;
  const firstRequest = new Promise<void>((r) => (arrived = r));
  const server: Server = createServer((req, res) => {
    arrived();
    void gate.then(() => {
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'unauthorized', message: 'bad token' } }));
        return;
      }
      const inventory: Inventory = emptyInventory(host, {
        host: {
          name: host,
          agentVersion: 'test',
          domainType: 'qemu',
          cpus: 4,
          memoryMiB: 8192,
          tunnelIp: null,
        },
      });
      const body =
        req.url === '/v1/inventory'
          ? inventory
          : req.url === '/v1/health'
            ? { host, agentVersion: 'test' }
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? { error: { code: 'not_found', message: req.url } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    firstRequest,
    open: () => release?.(),
    close: () =>
      new Promise<void>((r) => {
        release?.();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
