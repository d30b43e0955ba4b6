import { access } from 'node:fs/promises';
import { FakeExec } from '../fake-exec.js';
import { startTestAgent, type TestAgent } from '../harness.js';

const ROUTES: [string, string, unknown?][] = [
  ['GET', '/v1/health'],
  ['GET', '/v1/inventory'],
  ['GET', '/metrics'],
  ['PUT', '/v1/pools/p1', { address: 'nssv_storage_pool.p1' }],
  ['DELETE', '/v1/pools/p1'],
  ['PUT', '/v1/pools/p1/volumes/v1', { address: 'nssv_volume.v1', sizeGiB: 1, format: 'qcow2' }],
  ['DELETE', '/v1/pools/p1/volumes/v1'],
  ['PUT', '/v1/switches/sw1', { address: 'nssv_distributed_switch.sw1', mtu: 1500 }],
  ['DELETE', '/v1/switches/sw1'],
  ['PUT', '/v1/switches/sw1/port-groups/web', { address: 'nssv_port_group.web', vlanId: 42 }],
  ['DELETE', '/v1/switches/sw1/port-groups/web'],
  [
    'PUT',
    '/v1/domains/vm1',
    { address: 'nssv_vm.vm1', vcpus: 1, memoryMiB: 64, disks: [], nics: [], powerState: 'running' },
  ],
  ['DELETE', '/v1/domains/vm1'],
  ['GET', '/v1/no-such-route'],
  ['PUT', '/v1/pools/a;b', {}],
];

const UNAUTHORIZED = {
  error: {
    code: 'unauthorized',
    message: 'missing or invalid bearer token: send "Authorization: Bearer <token>"',
  },
};

describe('authentication', () => {
  let fake: FakeExec;
  let agent: TestAgent;
  beforeEach(async () => {
    fake = new FakeExec();
    agent = await startTestAgent(fake.exec);
  });
  afterEach(() => agent.close());

  describe.each([
    ['no token', null],
    ['a wrong token', 'test-token-0123456789abcdeX'],
    ['a shorter token', 'test'],
    ['an empty token', ''],
  ])('GIVEN %s', (_label, token) => {
    it.each(ROUTES.map(([m, p, b]) => [m, p, b ?? null] as const))(
      'WHEN %s %s THEN 401 and no tool runs and nothing is written',
      async (method, path, body) => {
        const res = await agent.request(method, path, body ?? undefined, token);
        expect(res.status).toBe(401);
        expect(res.body).toEqual(UNAUTHORIZED);
        expect(fake.calls).toEqual([]);
        await expect(access(agent.storageRoot)).rejects.toThrow('ENOENT');
      },
    );
  });

  it('GIVEN a non-Bearer scheme WHEN calling THEN 401', async () => {
    const res = await fetch(`${agent.url}/v1/health`, { headers: { authorization: 'Basic dGVzdA==' } });
    expect(res.status).toBe(401);
  });

  it('GIVEN the right token WHEN GET /v1/health THEN 200 with host and version', async () => {
    const res = await agent.request('GET', '/v1/health');
    expect(res).toMatchObject({ status: 200, body: { host: 'h1', agentVersion: '0.1.0' } });
  });
});
