import { lookupInInventories, type KnownHost } from '../../../provider/importing/lookup.js';
import { promoteAdopted, withAdoptions } from '../../../provider/importing/promote.js';
import { handlerFor } from '../../../provider/handlers/registry.js';
import type { HandlerContext } from '../../../provider/handlers/types.js';
import type { Inventory, UnmanagedDomainInfo } from '../../../schemas/generated/agentApi.js';

const HOSTS = new Map<string, KnownHost>([
  ['h1', { host: 'h1', endpoint: 'https://h1', token: 't', cluster: 'c1' }],
  ['h2', { host: 'h2', endpoint: 'https://h2', token: 't', cluster: 'c1' }],
]);

const hand1: UnmanagedDomainInfo = {
  name: 'hand1',
  uuid: '4bb111e3-003a-4597-a13c-617c7f958674',
  vcpus: 1,
  memoryMiB: 64,
  maxVcpus: 1,
  maxMemoryMiB: 64,
  disks: [
    {
      pool: 'local',
      volume: 'hand1-root',
      path: '/srv/local/hand1-root.qcow2',
      format: 'qcow2',
      target: 'vda',
      bus: 'virtio',
      bootOrder: null,
    },
  ],
  nics: [],
  state: 'running',
  powerState: 'running',
};

function inventory(host: string, unmanaged: Partial<NonNullable<Inventory['unmanaged']>> = {}): Inventory {
  return {
    host: { name: host, agentVersion: '0.1.0', domainType: 'qemu', cpus: 4, memoryMiB: 8192, tunnelIp: null },
    pools: [],
    rbdPools: [],
    volumes: [],
    snapshots: [],
    switches: [],
    portGroups: [],
    tunnels: [],
    securityGroups: [],
    firewall: { inSync: true, ports: [], flows: [] },
    imageStores: [],
    images: [],
    domains: [],
    unmanaged: { domains: [], volumes: [], switches: [], ...unmanaged },
  };
}

const look = (type: string, name: string, invs: Map<string, Inventory>) =>
  lookupInInventories(HOSTS, type, name, invs, "the configuration's hosts");

describe('looking up objects made outside nssv', () => {
  it('GIVEN a hand-made domain WHEN looked up THEN it is reported as a VM to adopt on its host', () => {
    const invs = new Map([
      ['h1', inventory('h1', { domains: [hand1] })],
      ['h2', inventory('h2')],
    ]);
    expect(look('nssv_vm', 'hand1', invs)).toEqual({
      reported: {
        name: 'hand1',
        host_id: 'h1',
        cluster_id: 'c1',
        vcpus: 1,
        memory_mib: 64,
        power_state: 'running',
        tags: {},
        uuid: hand1.uuid,
        disk: [{ volume_id: 'hand1-root', bus: 'virtio', boot_order: null }],
        nic: [],
      },
      adopt: [{ host: 'h1', kind: 'domain', name: 'hand1' }],
    });
  });

  it('GIVEN a hand-made domain with a NIC or a disk outside the pools WHEN looked up THEN the problem says why and how to fix it', () => {
    const withNic = { ...hand1, nics: [{ switch: 'handsw', mac: '52:54:00:aa:bb:cc' }] };
    expect(look('nssv_vm', 'hand1', new Map([['h1', inventory('h1', { domains: [withNic] })]]))).toEqual({
      problem:
        'the domain "hand1" was made outside nssv and has 1 NIC(s); adopting NICs (which need a port group) is not supported yet: detach them (virsh detach-interface --config), import, then add nic blocks',
    });
    const foreign = { ...hand1, disks: [{ ...hand1.disks[0]!, pool: '', volume: '', path: '/var/x.qcow2' }] };
    expect(look('nssv_vm', 'hand1', new Map([['h1', inventory('h1', { domains: [foreign] })]]))).toEqual({
      problem:
        'the domain "hand1" was made outside nssv and its disk vda (/var/x.qcow2) is not in one of nssv\'s dir pools; move the image to <storage root>/<pool>/<volume>.<format> and point the domain at it first',
    });
  });

  it('GIVEN a hand-made bridge on both hosts WHEN looked up THEN the switch spans the cluster and is adopted on each host', () => {
    const sw = { name: 'handsw', mtu: 1500, ports: [] };
    const invs = new Map([
      ['h1', inventory('h1', { switches: [sw] })],
      ['h2', inventory('h2', { switches: [sw] })],
    ]);
    expect(look('nssv_distributed_switch', 'handsw', invs)).toEqual({
      reported: { name: 'handsw', mtu: 1500, cluster_ids: ['c1'], host_ids: ['h1', 'h2'] },
      adopt: [
        { host: 'h1', kind: 'switch', name: 'handsw' },
        { host: 'h2', kind: 'switch', name: 'handsw' },
      ],
    });
    const ported = new Map([['h1', inventory('h1', { switches: [{ ...sw, ports: ['eth9'] }] })]]);
    expect(look('nssv_distributed_switch', 'handsw', ported)).toEqual({
      problem:
        'the bridge "handsw" on h1 was made outside nssv and has ports; adopting ports is not supported yet (remove them with ovs-vsctl del-port first)',
    });
  });

  it('GIVEN hand-made image files WHEN looked up THEN a whole-GiB one is a volume to adopt and a half-GiB one is refused', () => {
    const v = {
      pool: 'local',
      name: 'disk',
      format: 'qcow2' as const,
      sizeGiB: 2,
      path: '/srv/local/disk.qcow2',
      allocatedBytes: 1,
    };
    expect(look('nssv_volume', 'disk', new Map([['h2', inventory('h2', { volumes: [v] })]]))).toEqual({
      reported: { name: 'disk', pool_id: 'local', host_id: 'h2', size_gib: 2, format: 'qcow2' },
      adopt: [{ host: 'h2', kind: 'volume', name: 'disk', pool: 'local' }],
    });
    const half = { ...v, sizeGiB: 0.5 };
    expect(look('nssv_volume', 'disk', new Map([['h2', inventory('h2', { volumes: [half] })]]))).toEqual({
      problem:
        '/srv/local/disk.qcow2 is 0.5 GiB, not a whole number of GiB as nssv volumes are; grow it first (qemu-img resize /srv/local/disk.qcow2 1G)',
    });
  });
});

describe('reading adopted objects at plan time', () => {
  it('GIVEN an adoption WHEN the inventory is promoted THEN the object is managed under its import address and left out otherwise', () => {
    const inv = inventory('h1', { domains: [hand1] });
    const promoted = promoteAdopted(inv, [
      { host: 'h1', kind: 'domain', name: 'hand1', address: 'nssv_vm.hand1' },
    ]);
    expect(promoted.domains).toEqual([{ ...hand1, address: 'nssv_vm.hand1', tags: {} }]);
    expect(promoteAdopted(inv, [])).toBe(inv);
  });

  it('GIVEN an adopted VM WHEN the vm handler reads it through withAdoptions THEN it finds the domain as it will be once adopted', async () => {
    const inv = inventory('h1', { domains: [hand1] });
    const base = { inventory: async () => inv } as unknown as HandlerContext;
    const ctx = withAdoptions(base, [
      { host: 'h1', kind: 'domain', name: 'hand1', address: 'nssv_vm.hand1' },
    ]);
    const prior = { name: 'hand1', host_id: 'h1', cluster_id: 'c1', disk: [], nic: [] };
    expect(await handlerFor('nssv_vm').read(base, 'nssv_vm.hand1', prior)).toBeNull();
    expect(await handlerFor('nssv_vm').read(ctx, 'nssv_vm.hand1', prior)).toMatchObject({
      uuid: hand1.uuid,
      memory_mib: 64,
      power_state: 'running',
    });
  });
});
