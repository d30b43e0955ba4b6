import { importResource } from '../../../../provider/tfplugin/resources/importState.js';
import { fakeSession } from '../fakeSession.js';

const s = fakeSession({
  h1: {
    pools: [{ name: 'local', address: 'a', path: '/p', capacityBytes: 1, availableBytes: 1 }],
    volumes: [
      {
        pool: 'local',
        name: 'root',
        address: 'a',
        format: 'qcow2',
        sizeGiB: 2,
        path: '/p/root',
        allocatedBytes: 0,
      },
    ],
    switches: [
      {
        name: 'lan',
        address: 'a',
        mtu: 9000,
        transport: 'vlan',
        vxlanPort: 4789,
        peers: [],
        uplinks: [],
        bondMode: null,
        lacp: null,
        uplinkState: [],
        detachedNics: [],
      },
    ],
    portGroups: [{ switch: 'lan', name: 'web', address: 'a', vlanId: 100, vni: null, tag: 100 }],
  },
  h2: {
    pools: [{ name: 'local', address: 'a', path: '/p', capacityBytes: 1, availableBytes: 1 }],
    volumes: [
      {
        pool: 'local',
        name: 'root',
        address: 'a',
        format: 'qcow2',
        sizeGiB: 2,
        path: '/p/root',
        allocatedBytes: 0,
      },
    ],
    switches: [
      {
        name: 'lan',
        address: 'a',
        mtu: 9000,
        transport: 'vlan',
        vxlanPort: 4789,
        peers: [],
        uplinks: [],
        bondMode: null,
        lacp: null,
        uplinkState: [],
        detachedNics: [],
      },
    ],
  },
});

describe('import by name', () => {
  it('GIVEN objects on the hosts THEN their attributes, with schema defaults for the rest', async () => {
    expect((await importResource(s, 'nssv_distributed_switch', 'lan')).state).toMatchObject({
      id: 'lan',
      name: 'lan',
      mtu: 9000,
      cluster_ids: ['c'],
      host_ids: ['h1', 'h2'],
    });
    expect((await importResource(s, 'nssv_port_group', 'web')).state).toMatchObject({
      id: 'web',
      switch_id: 'lan',
      vlan_id: 100,
      host_ids: ['h1'],
    });
    expect((await importResource(s, 'nssv_storage_pool', 'local')).state).toMatchObject({
      id: 'local',
      kind: 'dir',
      cluster_id: 'c',
      host_ids: ['h1', 'h2'],
    });
    expect((await importResource(s, 'nssv_volume', 'h2/root')).state).toMatchObject({
      id: 'root',
      pool_id: 'local',
      host_id: 'h2',
      size_gib: 2,
      format: 'qcow2',
    });
    expect((await importResource(s, 'nssv_host', 'h1')).state).toMatchObject({
      id: 'h1',
      cluster_id: 'c',
      cpus: 8,
      memory_mib: 16384,
      domain_type: 'qemu',
    });
    expect((await importResource(s, 'nssv_cluster', 'c')).state).toMatchObject({
      id: 'c',
      name: 'c',
      cpu_overcommit_ratio: 1,
    });
  });

  it('GIVEN a name on two hosts, nowhere, or an unknown host THEN a message saying so', async () => {
    const why = async (type: string, id: string) =>
      (await importResource(s, type, id)).diagnostics.map((d) => `${d.code}: ${d.summary}`);
    expect(await why('nssv_volume', 'root')).toEqual([
      'NSSV_IMPORT_NOT_FOUND: cannot import nssv_volume "root": volumes "root" are on h1, h2: give HOST/root',
    ]);
    expect(await why('nssv_vm', 'nope')).toEqual([
      'NSSV_IMPORT_NOT_FOUND: cannot import nssv_vm "nope": no host has a domain "nope"',
    ]);
    expect(await why('nssv_vm', 'h9/web1')).toEqual([
      'NSSV_IMPORT_NOT_FOUND: cannot import nssv_vm "h9/web1": no host "h9" in the provider\'s hosts',
    ]);
  });
});
