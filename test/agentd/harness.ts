import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from '../../agentd/agent.js';
import type { AgentCephConfig } from '../../agentd/config.js';
import { buildRoutes } from '../../agentd/http/routes.js';
import { createAgentServer } from '../../agentd/http/server.js';
import { silentLogger } from '../../agentd/log.js';
import { Metrics } from '../../agentd/metrics.js';
import type { Exec } from '../../agentd/util/exec.js';

export const TEST_TOKEN = 'test-token-0123456789abcdef';

export interface TestAgent {
  url: string;
  agent: Agent;
  dir: string;
  storageRoot: string;
  stateDir: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; body: unknown; text: string }>;
  close(): Promise<void>;
}

/** An agentd server on 127.0.0.1:<random port> wired to `exec`, with its own temp directories. */
export async function startTestAgent(
  exec: Exec,
  options: {
    libvirtUri?: string;
    ovsDbSocket?: string;
    shutdownTimeoutMs?: number;
    dir?: string;
    /** The host's Ceph client: its `ceph` and `rbd` calls go to `exec` too. */
    ceph?: AgentCephConfig;
  } = {},
): Promise<TestAgent> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'nssv-agentd-test-')));
  const storageRoot = join(dir, 'storage');
  const stateDir = join(dir, 'state');
  const metrics = new Metrics();
  const agent = new Agent({
    config: {
      hostName: 'h1',
      libvirtUri: options.libvirtUri ?? 'qemu:///system?socket=/nonexistent',
      ovsDbSocket: options.ovsDbSocket ?? '/nonexistent/db.sock',
      storageRoot,
      stateDir,
      shutdownTimeoutMs: options.shutdownTimeoutMs ?? 50,
      ...(options.ceph === undefined ? {} : { ceph: options.ceph }),
    },
    domainType: 'qemu',
    exec,
    logger: silentLogger,
    metrics,
    pollIntervalMs: 10,
  });
  const { server, close } = createAgentServer({
    routes: buildRoutes(agent),
    token: TEST_TOKEN,
    logger: silentLogger,
    metrics,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    agent,
    dir,
    storageRoot,
    stateDir,
    async request(method, path, body, token = TEST_TOKEN) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const res = await fetch(url + path, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // /metrics is text
      }
      return { status: res.status, body: parsed, text };
    },
    async close() {
      await close();
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
