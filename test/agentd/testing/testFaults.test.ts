import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from '../../../agentd/agent.js';
import { buildRoutes } from '../../../agentd/http/routes.js';
import { createAgentServer } from '../../../agentd/http/server.js';
import { testFaultRoutes } from '../../../agentd/http/testFaultRoutes.js';
import { silentLogger } from '../../../agentd/log.js';
import { Metrics } from '../../../agentd/metrics.js';
import { TestFaults, testFaultsEnabled } from '../../../agentd/testing/testFaults.js';
import { FakeExec } from '../fake-exec.js';

describe('testFaultsEnabled', () => {
  it.each([
    [{}, '127.0.0.1', false],
    [{ NSSV_AGENT_TEST_FAULTS: '' }, '10.0.0.5', false],
    [{ NSSV_AGENT_TEST_FAULTS: '1' }, '127.0.0.1', true],
    [{ NSSV_AGENT_TEST_FAULTS: '1' }, '127.3.2.1', true],
    [{ NSSV_AGENT_TEST_FAULTS: '1' }, '::1', true],
    [{ NSSV_AGENT_TEST_FAULTS: '1' }, 'localhost', true],
  ])('GIVEN env %j and listen host %s THEN the switch is %s', (env, host, on) => {
    expect(testFaultsEnabled(env, host)).toBe(on);
  });

  it('GIVEN the switch on an agent listening on a routable address THEN agentd refuses to start', () => {
    expect(() => testFaultsEnabled({ NSSV_AGENT_TEST_FAULTS: '1' }, '0.0.0.0')).toThrow(
      'NSSV_AGENT_TEST_FAULTS=1 makes agentd fail requests on purpose and is only allowed on an agent listening on a loopback address (127.0.0.0/8, ::1, localhost), not on 0.0.0.0; unset it',
    );
  });

  it('GIVEN a value other than 1 THEN agentd refuses to start rather than guess', () => {
    expect(() => testFaultsEnabled({ NSSV_AGENT_TEST_FAULTS: 'true' }, '127.0.0.1')).toThrow(
      'NSSV_AGENT_TEST_FAULTS="true" is not understood: unset it (production) or set it to "1" (tests only)',
    );
  });
});

describe('TestFaults', () => {
  it('GIVEN the 2nd mutating request armed THEN reads and the switch itself are not counted, the 2nd fails once, later ones pass', () => {
    const f = new TestFaults();
    f.arm({ failMutatingRequest: 2 });
    f.beforeRequest('GET', '/v1/inventory');
    f.beforeRequest('PUT', '/v1/test/faults');
    f.beforeRequest('PUT', '/v1/pools/a');
    expect(() => f.beforeRequest('DELETE', '/v1/pools/b')).toThrow(
      'injected test fault: mutating request #2 (DELETE /v1/pools/b) failed before it changed anything (this agent runs with NSSV_AGENT_TEST_FAULTS=1, which only tests use)',
    );
    f.beforeRequest('PUT', '/v1/pools/c');
    expect(f.info()).toEqual({
      failMutatingRequest: null,
      mutatingRequests: 3,
      injected: [{ request: 2, method: 'DELETE', path: '/v1/pools/b' }],
    });
  });
});

describe('the fault switch over HTTP', () => {
  const token = 'test-token-0123456789abcdef';
  let dir: string;
  let url: string;
  let close: () => Promise<void>;
  const call = async (method: string, path: string, body?: unknown, auth = true) => {
    const res = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const start = async (faults: TestFaults | undefined) => {
    dir = await mkdtemp(join(tmpdir(), 'nssv-faults-test-'));
    const metrics = new Metrics();
    const agent = new Agent({
      config: {
        hostName: 'h1',
        libvirtUri: 'qemu:///system?socket=/nonexistent',
        ovsDbSocket: '/nonexistent/db.sock',
        storageRoot: join(dir, 'storage'),
        stateDir: join(dir, 'state'),
        shutdownTimeoutMs: 50,
      },
      domainType: 'qemu',
      exec: new FakeExec().exec,
      logger: silentLogger,
      metrics,
    });
    const routes = [...buildRoutes(agent), ...(faults ? testFaultRoutes(faults) : [])];
    const server = createAgentServer({
      routes,
      token,
      logger: silentLogger,
      metrics,
      ...(faults ? { beforeHandle: (m: string, p: string) => faults.beforeRequest(m, p) } : {}),
    });
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    close = server.close;
  };
  afterEach(async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN an agent without the switch WHEN asked for it THEN there is no such route', async () => {
    await start(undefined);
    expect(await call('PUT', '/v1/test/faults', { failMutatingRequest: 1 })).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'no route PUT "/v1/test/faults"' } },
    });
  });

  it('GIVEN the switch armed for the 2nd request THEN that pool is refused with 500 injected_fault and not created; the others are', async () => {
    await start(new TestFaults());
    expect((await call('PUT', '/v1/test/faults', { failMutatingRequest: 2 }, false)).status).toBe(401);
    expect(await call('PUT', '/v1/test/faults', { failMutatingRequest: 0 })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_request' } },
    });
    expect(await call('PUT', '/v1/test/faults', { failMutatingRequest: 2 })).toEqual({
      status: 200,
      body: { failMutatingRequest: 2, mutatingRequests: 0, injected: [] },
    });
    expect((await call('PUT', '/v1/pools/a', { address: 'nssv_storage_pool.a' })).status).toBe(200);
    expect(await call('PUT', '/v1/pools/b', { address: 'nssv_storage_pool.b' })).toEqual({
      status: 500,
      body: {
        error: {
          code: 'injected_fault',
          message:
            'injected test fault: mutating request #2 (PUT /v1/pools/b) failed before it changed anything (this agent runs with NSSV_AGENT_TEST_FAULTS=1, which only tests use)',
        },
      },
    });
    expect((await call('PUT', '/v1/pools/c', { address: 'nssv_storage_pool.c' })).status).toBe(200);
    expect(['a', 'b', 'c'].map((p) => existsSync(join(dir, 'storage', p)))).toEqual([true, false, true]);
    expect((await call('GET', '/v1/test/faults')).body).toEqual({
      failMutatingRequest: null,
      mutatingRequests: 3,
      injected: [{ request: 2, method: 'PUT', path: '/v1/pools/b' }],
    });
  });
});
