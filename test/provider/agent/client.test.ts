import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { AgentClient } from '../../../provider/agent/client.js';
import { AgentError } from '../../../provider/agent/agentError.js';
import { FakeAgent } from './fakeAgent.js';

let agent: FakeAgent;
let client: AgentClient;
beforeEach(async () => {
  agent = await new FakeAgent('h1').start();
  client = new AgentClient(agent.endpoint());
});
afterEach(() => agent.close());

async function failure(
  p: Promise<unknown>,
): Promise<Pick<AgentError, 'host' | 'code' | 'message' | 'status'>> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof AgentError)) throw new Error(`expected an AgentError, got ${String(e)}`);
  return { host: e.host, code: e.code, message: e.message, status: e.status };
}

describe('AgentClient against a fake agent', () => {
  it('GIVEN an agent WHEN health and inventory are read THEN the schema-shaped answers come back', async () => {
    expect(await client.health()).toEqual({ host: 'h1', agentVersion: '0.1.0' });
    expect((await client.inventory()).host).toEqual({
      name: 'h1',
      agentVersion: '0.1.0',
      domainType: 'qemu',
      cpus: 4,
      memoryMiB: 8192,
      tunnelIp: null,
    });
  });

  it('GIVEN puts and deletes WHEN called THEN each goes to its route with its spec, names percent-encoded', async () => {
    await client.putPool('p1', { address: 'nssv_storage_pool.p1' });
    await client.putVolume('p1', 'v1', { address: 'nssv_volume.v1', sizeGiB: 2, format: 'raw' });
    await client.putSwitch('lan', { address: 'nssv_distributed_switch.lan', mtu: 1500 });
    await client.putPortGroup('lan', 'web', { address: 'nssv_port_group.web', vlanId: 100 });
    const domain = await client.putDomain('vm1', {
      address: 'nssv_vm.vm1',
      vcpus: 1,
      memoryMiB: 64,
      disks: [{ pool: 'p1', volume: 'v1' }],
      nics: [{ switch: 'lan', portGroup: 'web' }],
      powerState: 'running',
      tags: { team: 'web' },
    });
    expect(domain).toMatchObject({ name: 'vm1', uuid: 'uuid-vm1', tags: { team: 'web' } });
    expect(await client.deleteDomain('vm1')).toEqual({ deleted: true });
    expect(await client.deleteDomain('vm1')).toEqual({ deleted: false });
    await client.deletePortGroup('lan', 'web');
    await client.deleteSwitch('lan');
    await client.deleteVolume('p1', 'v1');
    await client.deletePool('a b');
    expect(agent.calls()).toEqual([
      'PUT /v1/pools/p1',
      'PUT /v1/pools/p1/volumes/v1',
      'PUT /v1/switches/lan',
      'PUT /v1/switches/lan/port-groups/web',
      'PUT /v1/domains/vm1',
      'DELETE /v1/domains/vm1',
      'DELETE /v1/domains/vm1',
      'DELETE /v1/switches/lan/port-groups/web',
      'DELETE /v1/switches/lan',
      'DELETE /v1/pools/p1/volumes/v1',
      'DELETE /v1/pools/a%20b',
    ]);
    expect(agent.requests.find((r) => r.path === '/v1/switches/lan')?.body).toEqual({
      address: 'nssv_distributed_switch.lan',
      mtu: 1500,
    });
  });

  it('GIVEN a wrong token WHEN called THEN the agent error code and message come back as an AgentError', async () => {
    const wrong = new AgentClient(agent.endpoint('wrong-token'));
    expect(await failure(wrong.inventory())).toEqual({
      host: 'h1',
      code: 'unauthorized',
      message: 'host h1: missing or invalid bearer token',
      status: 401,
    });
  });

  it('GIVEN an agent error with detail WHEN called THEN the detail is in the message', async () => {
    agent.override = () => ({
      status: 502,
      body: JSON.stringify({
        error: { code: 'tool_failed', message: 'virsh failed', detail: 'error: boom' },
      }),
    });
    expect(await failure(client.deleteDomain('vm1'))).toEqual({
      host: 'h1',
      code: 'tool_failed',
      message: 'host h1: virsh failed (error: boom)',
      status: 502,
    });
  });

  it('GIVEN an answer that is not JSON WHEN called THEN bad_response', async () => {
    agent.override = () => ({ status: 200, body: '<html>' });
    expect(await failure(client.health())).toEqual({
      host: 'h1',
      code: 'bad_response',
      message: 'agent of host h1 answered GET /v1/health with non-JSON (HTTP 200)',
      status: 200,
    });
  });

  it('GIVEN an error answer that is not an agent error body WHEN called THEN bad_response naming the endpoint', async () => {
    agent.override = () => ({ status: 404, body: '{"message":"nope"}' });
    expect(await failure(client.inventory())).toEqual({
      host: 'h1',
      code: 'bad_response',
      message: `the endpoint ${agent.url} of host h1 answered HTTP 404 to GET /v1/inventory, not as an nssv agent does (wrong host or port?)`,
      status: 404,
    });
  });

  it('GIVEN an answer that does not match its schema WHEN called THEN bad_response naming the first mismatch', async () => {
    agent.override = () => ({
      status: 200,
      body: JSON.stringify({ ...agent.inventory, host: { ...agent.inventory.host, cpus: 'four' } }),
    });
    expect(await failure(client.inventory())).toEqual({
      host: 'h1',
      code: 'bad_response',
      message:
        'agent of host h1 answered GET /v1/inventory with a body that is not a Inventory of the agent API (/host/cpus must be integer); is the agent the same version as nssv?',
      status: 200,
    });
  });

  it('GIVEN nothing listening WHEN called THEN unreachable naming the endpoint', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const down = new AgentClient({ host: 'h9', endpoint: `http://127.0.0.1:${port}/`, token: 't' });
    expect(await failure(down.health())).toEqual({
      host: 'h9',
      code: 'unreachable',
      message: `cannot reach the agent of host h9 at http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
      status: undefined,
    });
  });

  it('GIVEN a slow agent WHEN the signal aborts mid-call THEN cancelled at once, and later calls are refused', async () => {
    agent.delayMs = (method) => (method === 'PUT' ? 60_000 : 0);
    const stop = new AbortController();
    const slow = new AgentClient(agent.endpoint(), { signal: stop.signal });
    const t0 = Date.now();
    const call = failure(slow.putPool('p1', { address: 'nssv_storage_pool.p1' }));
    while (!agent.requests.some((r) => r.method === 'PUT')) await new Promise((r) => setTimeout(r, 10));
    stop.abort(new Error('Terraform asked the provider to stop (interrupted)'));
    expect(await call).toEqual({
      host: 'h1',
      code: 'cancelled',
      message:
        'PUT /v1/pools/p1 to the agent of host h1 was cancelled: Terraform asked the provider to stop (interrupted)',
      status: undefined,
    });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect((await failure(slow.health())).code).toBe('cancelled');
    expect(agent.requests.filter((r) => r.path === '/v1/health')).toEqual([]);
  });
});
