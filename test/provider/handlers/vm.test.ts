import { vmHandler } from '../../../provider/handlers/vm.js';
import { fakeHosts, type FakeHosts } from './fakeHosts.js';

let hosts: FakeHosts;
beforeEach(async () => {
  hosts = await fakeHosts();
  const inv = hosts.h1.inventory;
  inv.volumes.push({
    pool: 'local',
    name: 'root',
    address: 'v',
    format: 'qcow2',
    sizeGiB: 1,
    path: '/srv/local/root.qcow2',
    allocatedBytes: 0,
  });
  inv.portGroups.push({ switch: 'lan', name: 'web', address: 'pg', vlanId: 100, vni: null, tag: 100 });
});
afterEach(() => hosts.close());

const A = 'nssv_vm.web';
/** Planned attributes as apply hands them over: defaults filled in, host placed. */
const vm = (extra: Record<string, unknown> = {}) => ({
  name: 'web',
  cluster_id: 'c',
  host_id: 'h1',
  vcpus: 2,
  memory_mib: 256,
  power_state: 'running',
  disk: [{ volume_id: 'root', boot_order: null, bus: 'virtio' }],
  nic: [{ port_group_id: 'web', ip: null, security_group_ids: [] }],
  tags: { team: 'web' },
  description: '',
  ...extra,
});

describe('vmHandler', () => {
  it('GIVEN a VM WHEN created THEN the domain spec names each disk pool and NIC switch found on the host, with tags', async () => {
    const recorded = await vmHandler.create(hosts.ctx(), A, vm());
    expect(hosts.h1.requests.at(-1)).toEqual({
      method: 'PUT',
      path: '/v1/domains/web',
      body: {
        address: A,
        vcpus: 2,
        memoryMiB: 256,
        powerState: 'running',
        tags: { team: 'web' },
        disks: [{ pool: 'local', volume: 'root', bus: 'virtio', bootOrder: null }],
        nics: [{ switch: 'lan', portGroup: 'web' }],
      },
    });
    expect(recorded).toEqual(
      vm({
        uuid: 'uuid-web',
        disk: [{ volume_id: 'root', boot_order: null, bus: 'virtio' }],
        nic: [{ port_group_id: 'web', ip: null, security_group_ids: [], mac: '52:54:00:00:00:00' }],
      }),
    );
  });

  it('GIVEN a MAC in the configuration WHEN created THEN the spec carries it', async () => {
    await vmHandler.create(hosts.ctx(), A, vm({ nic: [{ port_group_id: 'web', mac: '52:54:00:12:34:56' }] }));
    expect((hosts.h1.requests.at(-1)?.body as { nics: unknown }).nics).toEqual([
      { switch: 'lan', portGroup: 'web', mac: '52:54:00:12:34:56' },
    ]);
  });

  it('GIVEN tags and memory changed on the host WHEN read THEN the live values are reported (drift)', async () => {
    const recorded = await vmHandler.create(hosts.ctx(), A, vm());
    const live = hosts.h1.inventory.domains[0]!;
    live.tags = { team: 'ops' };
    live.memoryMiB = 512;
    live.powerState = 'shutoff';
    expect(await vmHandler.read(hosts.ctx(), A, recorded)).toEqual({
      ...recorded,
      tags: { team: 'ops' },
      memory_mib: 512,
      power_state: 'shutoff',
    });
    hosts.h1.inventory.domains.length = 0;
    expect(await vmHandler.read(hosts.ctx(), A, recorded)).toBeNull();
  });

  it('GIVEN a volume that is not on the VM host WHEN created THEN not_found naming the volume, the VM and the host', async () => {
    await expect(
      vmHandler.create(hosts.ctx(), A, vm({ disk: [{ volume_id: 'data' }] })),
    ).rejects.toMatchObject({
      host: 'h1',
      code: 'not_found',
      message: 'volume "data" of nssv_vm.web is not on host h1',
    });
    expect(hosts.h1.calls()).toEqual([]);
  });

  it('GIVEN a port group that is not on the VM host WHEN created THEN not_found naming it', async () => {
    await expect(
      vmHandler.create(hosts.ctx(), A, vm({ nic: [{ port_group_id: 'db' }] })),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: 'port group "db" of nssv_vm.web is not on host h1',
    });
  });

  it('GIVEN a domain of that name WHEN checked before create THEN it is described with its owner; no host yet THEN nothing', async () => {
    await vmHandler.create(hosts.ctx(), 'nssv_vm.other', vm());
    expect(await vmHandler.occupied!(hosts.ctx(), vm())).toEqual([
      'domain "web" on h1, managed as nssv_vm.other',
    ]);
    expect(await vmHandler.occupied!(hosts.ctx(), vm({ host_id: { $unknown: true } }))).toEqual([]);
  });

  it('GIVEN a VM WHEN deleted THEN its domain is deleted on its host', async () => {
    await vmHandler.delete(hosts.ctx(), A, vm());
    expect(hosts.h1.calls()).toEqual(['DELETE /v1/domains/web']);
  });
});
