import { resourceSchema } from '../../../schemas/registry.js';
import { FakeExec } from '../fake-exec.js';
import { startTestAgent, type TestAgent } from '../harness.js';

const domain = {
  address: 'nssv_vm.vm1',
  vcpus: 1,
  memoryMiB: 64,
  disks: [],
  nics: [],
  powerState: 'running',
};

describe('agentd limits are the planner limits', () => {
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
    [{ ...domain, memoryMiB: 16 }, 'body.memoryMiB must be an integer from 64 to 1048576, got 16'],
    [{ ...domain, memoryMiB: 1048577 }, 'body.memoryMiB must be an integer from 64 to 1048576, got 1048577'],
    [{ ...domain, vcpus: 65 }, 'body.vcpus must be an integer from 1 to 64, got 65'],
    [{ ...domain, vcpus: 0 }, 'body.vcpus must be an integer from 1 to 64, got 0'],
    [
      { ...domain, tags: { team: 'x'.repeat(256) } },
      `body.tags.team must be a string of at most 255 characters, got "${'x'.repeat(256)}"`,
    ],
  ])(
    'GIVEN PUT /v1/domains/vm1 with %j WHEN called THEN 400 invalid_request with the schema limit',
    async (body, message) => {
      const res = await agent.request('PUT', '/v1/domains/vm1', body);
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request', message } } });
    },
  );

  it.each([
    [
      '/v1/pools/p1/volumes/v1',
      { address: 'a', sizeGiB: 65537, format: 'raw' },
      'body.sizeGiB must be an integer from 1 to 65536, got 65537',
    ],
    [
      '/v1/switches/sw1',
      { address: 'a', mtu: 1279 },
      'body.mtu must be an integer from 1280 to 9000, got 1279',
    ],
  ])(
    'GIVEN PUT %s with %j WHEN called THEN 400 with the limit of the resource schema',
    async (path, body, message) => {
      const res = await agent.request('PUT', path, body);
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request', message } } });
    },
  );

  it('GIVEN the resource schemas THEN the limits asserted above are the ones the planner validates against', () => {
    const vm = resourceSchema('nssv_vm').properties!;
    expect([vm.memory_mib!.minimum, vm.memory_mib!.maximum, vm.vcpus!.minimum, vm.vcpus!.maximum]).toEqual([
      64, 1048576, 1, 64,
    ]);
    const mtu = resourceSchema('nssv_distributed_switch').properties!.mtu!;
    expect([mtu.minimum, mtu.maximum]).toEqual([1280, 9000]);
    expect(resourceSchema('nssv_volume').properties!.size_gib!.maximum).toBe(65536);
  });
});
