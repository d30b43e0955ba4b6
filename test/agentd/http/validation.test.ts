import { request } from 'node:http';
import { FakeExec } from '../fake-exec.js';
import { startTestAgent, TEST_TOKEN, type TestAgent } from '../harness.js';

describe('request validation', () => {
  let fake: FakeExec;
  let agent: TestAgent;
  beforeAll(async () => {
    fake = new FakeExec();
    agent = await startTestAgent(fake.exec);
  });
  afterAll(() => agent.close());
  afterEach(() => {
    expect(fake.calls).toEqual([]);
  });

  it.each([
    ['/v1/pools/a%3Brm%20-rf%20%2F', 'pool', 'a;rm -rf /'],
    ['/v1/pools/p1/volumes/..%2F..%2Fetc', 'volume', '../../etc'],
    ['/v1/pools/p1/volumes/%24(id)', 'volume', '$(id)'],
    ['/v1/domains/Web', 'domain', 'Web'],
    ['/v1/switches/sw1/port-groups/a%22b', 'port group', 'a"b'],
  ])(
    'GIVEN PUT %s WHEN called THEN 400 invalid_name naming the %s and its value',
    async (path, param, value) => {
      const res = await agent.request('PUT', path, { address: 'x' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: {
          code: 'invalid_name',
          message: `invalid ${param} name ${JSON.stringify(value)}: names start with a lowercase letter followed by up to 62 lowercase letters, digits or hyphens`,
        },
      });
    },
  );

  it('GIVEN a raw path segment ".." (which fetch would normalise away) WHEN PUT THEN 400 invalid_name', async () => {
    const { status, body } = await rawPut(agent.url, '/v1/pools/..', '{"address":"x"}');
    expect(status).toBe(400);
    expect(JSON.parse(body)).toEqual({
      error: {
        code: 'invalid_name',
        message:
          'invalid pool name "..": names start with a lowercase letter followed by up to 62 lowercase letters, digits or hyphens',
      },
    });
  });

  it('GIVEN a 16-character switch name WHEN PUT THEN 400 stating the 15-character limit', async () => {
    const res = await agent.request('PUT', '/v1/switches/abcdefghijklmnop', { address: 'x', mtu: 1500 });
    expect(res.body).toEqual({
      error: {
        code: 'invalid_name',
        message:
          'invalid switch name "abcdefghijklmnop": switch names start with a lowercase letter followed by lowercase letters, digits or hyphens, at most 15 characters in all (an OVS bridge is a Linux interface)',
      },
    });
  });

  it.each([
    [
      '/v1/pools/p1/volumes/v1',
      { address: 'a', sizeGiB: 0, format: 'qcow2' },
      'body.sizeGiB must be an integer from 1 to 65536, got 0',
    ],
    [
      '/v1/pools/p1/volumes/v1',
      { address: 'a', sizeGiB: 1, format: 'vmdk' },
      'body.format must be one of "qcow2", "raw", got "vmdk"',
    ],
    [
      '/v1/pools/p1/volumes/v1',
      { address: 'a', sizeGiB: 1, format: 'raw', extra: 1 },
      'body has unknown field(s) "extra"; allowed: address, sizeGiB, format, source, fromSnapshot',
    ],
    ['/v1/pools/p1', undefined, 'body must be a JSON object, got nothing'],
    [
      '/v1/pools/p1',
      { address: '' },
      'body.address must be the nssv address of the resource (a non-empty string of at most 1024 printable characters, e.g. "nssv_vm.web[0]"), got ""',
    ],
    [
      '/v1/switches/sw1',
      { address: 'a', mtu: 100000 },
      'body.mtu must be an integer from 1280 to 9000, got 100000',
    ],
    [
      '/v1/switches/sw1/port-groups/web',
      { address: 'a', vlanId: 4095 },
      'body.vlanId must be an integer from 1 to 4094 or null (untagged), got 4095',
    ],
    [
      '/v1/switches/sw1/port-groups/web',
      { address: 'a' },
      'body.vlanId must be an integer from 1 to 4094 or null (untagged), got nothing',
    ],
    [
      '/v1/domains/vm1',
      {
        address: 'a',
        vcpus: 1,
        memoryMiB: 64,
        disks: [{ pool: 'p1', volume: 'x;y' }],
        nics: [],
        powerState: 'running',
      },
      'invalid body.disks[0].volume name "x;y": names start with a lowercase letter followed by up to 62 lowercase letters, digits or hyphens',
    ],
    [
      '/v1/domains/vm1',
      {
        address: 'a',
        vcpus: 1,
        memoryMiB: 64,
        disks: [],
        nics: [{ switch: 'sw1', portGroup: 'web', mac: '01:00:5e:00:00:01' }],
        powerState: 'running',
      },
      'body.nics[0].mac must be a unicast MAC address like "52:54:00:12:34:56", got "01:00:5e:00:00:01"',
    ],
    [
      '/v1/domains/vm1',
      { address: 'a', vcpus: 1, memoryMiB: 64, disks: [], nics: [], powerState: 'halted' },
      'body.powerState must be one of "running", "shutoff", "paused", got "halted"',
    ],
  ])('GIVEN PUT %s with %j WHEN called THEN 400 with a clear message', async (path, body, message) => {
    const res = await agent.request('PUT', path, body);
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toBe(message);
  });

  it('GIVEN a body that is not JSON WHEN PUT THEN 400 invalid_request', async () => {
    const res = await fetch(`${agent.url}/v1/pools/p1`, {
      method: 'PUT',
      headers: { authorization: 'Bearer test-token-0123456789abcdef' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
  });

  it('GIVEN a body over 1 MiB WHEN PUT THEN 413', async () => {
    const res = await agent.request('PUT', '/v1/pools/p1', { address: 'x'.repeat(1024 * 1024 + 1) });
    expect(res).toMatchObject({
      status: 413,
      body: { error: { code: 'invalid_request', message: 'request body is larger than 1048576 bytes' } },
    });
  });

  it('GIVEN an unknown route or method WHEN called THEN 404 / 405', async () => {
    expect(await agent.request('GET', '/v1/nothing')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: 'no route GET "/v1/nothing"' } },
    });
    expect(await agent.request('POST', '/v1/pools/p1')).toMatchObject({
      status: 405,
      body: { error: { message: 'method POST is not allowed on "/v1/pools/p1"; allowed: PUT, DELETE' } },
    });
  });
});

function rawPut(url: string, path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request(
      { hostname, port, path, method: 'PUT', headers: { authorization: `Bearer ${TEST_TOKEN}` } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
