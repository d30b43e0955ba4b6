import { FakeExec } from '../fake-exec.js';
import { startTestAgent, type TestAgent } from '../harness.js';

const rule = {
  direction: 'ingress',
  protocol: 'tcp',
  portFrom: 22,
  portTo: null,
  remote: ['10.0.0.0/24'],
  action: 'allow',
  priority: 100,
};

describe('agentd network request bodies', () => {
  let fake: FakeExec;
  let agent: TestAgent;
  beforeAll(async () => {
    fake = new FakeExec();
    agent = await startTestAgent(fake.exec);
  });
  afterAll(() => agent.close());
  afterEach(() => {
    // Refused before any tool runs.
    expect(fake.calls).toEqual([]);
  });

  it.each([
    [
      '/v1/security-groups/web',
      { address: 'a', rules: [{ ...rule, portFrom: 80, portTo: 79 }] },
      'body.rules[0].portTo (79) must not be below portFrom (80); allowed: a port from 80 to 65535, or null',
    ],
    [
      '/v1/security-groups/web',
      { address: 'a', rules: [{ ...rule, remote: ['10.0.0.0/33'] }] },
      'body.rules[0].remote[0] must be an IPv4 network like "10.0.0.0/24", got "10.0.0.0/33"',
    ],
    [
      '/v1/switches/sw1',
      { address: 'a', mtu: 1500, transport: 'vxlan', peers: [{ host: 'h2', ip: '10.250.0.300' }] },
      'body.peers[0].ip must be an IPv4 address like "10.250.0.2", got "10.250.0.300"',
    ],
  ])(
    'GIVEN PUT %s with %j WHEN called THEN 400 invalid_request naming the field',
    async (path, body, message) => {
      const res = await agent.request('PUT', path, body);
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request', message } } });
    },
  );

  it('GIVEN an invalid security group name WHEN PUT THEN 400 invalid_name', async () => {
    const res = await agent.request('PUT', '/v1/security-groups/Web_1', { address: 'a', rules: [] });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_name' } } });
  });
});
