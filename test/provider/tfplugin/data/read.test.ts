import { readData } from '../../../../provider/tfplugin/data/read.js';
import { fakeSession } from '../fakeSession.js';

const s = fakeSession({
  h1: {
    domains: [
      {
        name: 'web1',
        uuid: 'u1',
        address: 'nssv_vm.web1',
        vcpus: 1,
        maxVcpus: 1,
        memoryMiB: 128,
        maxMemoryMiB: 128,
        disks: [],
        nics: [],
        tags: {},
        state: 'running',
        powerState: 'running',
      },
    ],
  },
  h2: {},
});

describe('data sources', () => {
  it("GIVEN nssv_host THEN the provider's host with its agent's facts, never its token", async () => {
    const r = await readData(s, 'nssv_host', { name: 'h1' });
    expect(r.state).toEqual({
      name: 'h1',
      id: 'h1',
      cluster_id: 'c',
      endpoint: 'http://h1:7400',
      maintenance: false,
      labels: {},
      cpus: 8,
      memory_mib: 16384,
      domain_type: 'qemu',
    });
    expect(JSON.stringify(r.state)).not.toContain('token-of');
  });

  it('GIVEN nssv_cluster THEN its hosts', async () => {
    expect((await readData(s, 'nssv_cluster', { name: 'c' })).state).toEqual({
      name: 'c',
      id: 'c',
      host_ids: ['h1', 'h2'],
    });
    expect((await readData(s, 'nssv_cluster', { name: 'x' })).diagnostics[0]).toMatchObject({
      code: 'NSSV_DATA_NOT_FOUND',
      summary: 'no cluster "x" among the provider\'s hosts',
      detail: 'Known: c.',
    });
  });

  it('GIVEN nssv_host_inventory THEN what the agent reports', async () => {
    const r = await readData(s, 'nssv_host_inventory', { host: 'h1' });
    expect(r.state!.domains).toEqual([
      {
        name: 'web1',
        uuid: 'u1',
        address: 'nssv_vm.web1',
        vcpus: 1,
        memory_mib: 128,
        power_state: 'running',
      },
    ]);
    expect((await readData(s, 'nssv_host_inventory', { host: 'h9' })).diagnostics[0]).toMatchObject({
      attribute: 'host',
      summary: 'no host "h9" among the provider\'s hosts',
      detail: 'Known: h1, h2.',
    });
  });

  it('GIVEN nssv_image THEN refused as not supported yet', async () => {
    expect((await readData(s, 'nssv_image', { name: 'debian' })).diagnostics[0]!.code).toBe(
      'NSSV_NOT_SUPPORTED_YET',
    );
  });
});
