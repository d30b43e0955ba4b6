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
  ha_enabled: false,
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
        onCrash: 'destroy',
        disks: [{ pool: 'local', volume: 'root', bus: 'virtio', bootOrder: null }],
        nics: [{ switch: 'lan', portGroup: 'web' }],
      },
    });
    expect(recorded).toEqual(
      vm({
        uuid: 'uuid-web',
        guest_network: [],
        cloud_init_seed: null,
        pci_passthrough: [],
        disk: [{ volume_id: 'root', boot_order: null, bus: 'virtio' }],
        nic: [{ port_group_id: 'web', ip: null, security_group_ids: [], mac: '52:54:00:00:00:00' }],
      }),
    );
  });

  it("GIVEN a VM with pci_passthrough WHEN created THEN the spec carries the addresses as pciDevices and the host's answer is read back", async () => {
    const recorded = await vmHandler.create(hosts.ctx(), A, vm({ pci_passthrough: ['0000:65:00.0'] }));
    expect((hosts.h1.requests.at(-1)?.body as { pciDevices: unknown }).pciDevices).toEqual(['0000:65:00.0']);
    expect(recorded.pci_passthrough).toEqual(['0000:65:00.0']);
  });

  it('GIVEN a VM whose hostdev was removed on the host WHEN read THEN pci_passthrough is [] (drift)', async () => {
    await vmHandler.create(hosts.ctx(), A, vm({ pci_passthrough: ['0000:65:00.0'] }));
    const d = hosts.h1.inventory.domains.find((x) => x.name === 'web')!;
    delete d.pciDevices;
    const read = await vmHandler.read(hosts.ctx(), A, vm({ pci_passthrough: ['0000:65:00.0'] }));
    expect(read?.pci_passthrough).toEqual([]);
  });

  it('GIVEN attributes recorded before pci_passthrough existed WHEN updated THEN the spec has no pciDevices', async () => {
    await vmHandler.create(hosts.ctx(), A, vm());
    expect(hosts.h1.requests.at(-1)?.body).not.toHaveProperty('pciDevices');
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

  it('GIVEN an ha_enabled VM WHEN created THEN its domain restarts on crash; a crash action changed on the host reads back as ha_enabled false (drift)', async () => {
    const recorded = await vmHandler.create(hosts.ctx(), A, vm({ ha_enabled: true }));
    expect((hosts.h1.requests.at(-1)?.body as { onCrash: unknown }).onCrash).toBe('restart');
    expect(recorded.ha_enabled).toBe(true);
    hosts.h1.inventory.domains[0]!.onCrash = 'destroy';
    expect(await vmHandler.read(hosts.ctx(), A, recorded)).toEqual({ ...recorded, ha_enabled: false });
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

  it('GIVEN a VM with delete_policy "never" WHEN deleted anyway (a plan made elsewhere) THEN it is refused and the domain stays', async () => {
    await expect(vmHandler.delete(hosts.ctx(), A, vm({ delete_policy: 'never' }))).rejects.toThrow(
      `${A} has delete_policy = "never": nssv does not delete it`,
    );
    expect(hosts.h1.calls()).toEqual([]);
  });
});

describe('vmHandler: a VM whose host changes is migrated', () => {
  const target = { libvirtUri: 'qemu+tls://10.0.0.2/system', address: '10.0.0.2' };
  /** h2 can take the VM: a migration target, its port group, and its volume (shared rbd storage). */
  const onH2 = () => {
    const inv = hosts.h2.inventory;
    inv.host.migration = target;
    hosts.h1.inventory.volumes[0]!.path = 'rbd:nssv.local/root';
    inv.volumes.push({ ...hosts.h1.inventory.volumes[0]! });
    inv.portGroups.push({ ...hosts.h1.inventory.portGroups[0]! });
  };
  const cannedOn = (agent: typeof hosts.h1, path: string, status: number, body: unknown) => {
    agent.override = (method, p) =>
      p === path && method !== 'GET' ? { status, body: JSON.stringify(body) } : undefined;
  };

  it('GIVEN h2 reports a migration target WHEN only host_id goes h1 -> h2 THEN h2 readies, h1 migrates to that target, and the moved domain is not re-applied', async () => {
    onH2();
    await vmHandler.create(hosts.ctx(), A, vm());
    cannedOn(hosts.h2, '/v1/domains/web/incoming', 200, { ready: true });
    cannedOn(hosts.h1, '/v1/domains/web/migrate', 200, { uuid: 'uuid-web', mode: 'live', durationMs: 5 });
    // What libvirt's migration does: the domain is now listed by h2.
    hosts.h2.inventory.domains.push({ ...hosts.h1.inventory.domains[0]! });
    hosts.h1.requests.length = 0;
    const recorded = await vmHandler.update(hosts.ctx(), A, vm(), vm({ host_id: 'h2' }));
    expect(hosts.h1.requests.filter((r) => r.method !== 'GET')).toEqual([
      { method: 'POST', path: '/v1/domains/web/migrate', body: { host: 'h2', target } },
    ]);
    expect(hosts.h2.calls()).toEqual(['PUT /v1/domains/web/incoming']);
    expect(recorded).toMatchObject({ host_id: 'h2', uuid: 'uuid-web' });
  });

  it("GIVEN a VM with a cloud-init seed WHEN moved THEN h2 is readied with its UUID and the seed and console log h2 readied are the ones h1's migration gives it", async () => {
    onH2();
    await vmHandler.create(hosts.ctx(), A, vm());
    const seed = { path: '/var/lib/nssv/seeds/web.iso', sha256: 'ab'.repeat(32) };
    const consoleLog = '/var/lib/nssv/console/web.log';
    cannedOn(hosts.h2, '/v1/domains/web/incoming', 200, { ready: true, consoleLog, seed });
    cannedOn(hosts.h1, '/v1/domains/web/migrate', 200, { uuid: 'uuid-web', mode: 'live', durationMs: 5 });
    hosts.h2.inventory.domains.push({ ...hosts.h1.inventory.domains[0]! });
    hosts.h1.requests.length = 0;
    const prior = { ...vm(), uuid: '4dea22b3-1d52-d8f3-2516-782e98ab3fa0' };
    await vmHandler.update(hosts.ctx(), A, prior, { ...prior, host_id: 'h2' });
    const incoming = hosts.h2.requests.find((r) => r.method === 'PUT')!;
    expect(incoming.body).toMatchObject({
      uuid: '4dea22b3-1d52-d8f3-2516-782e98ab3fa0',
      domain: { address: A },
    });
    expect(hosts.h1.requests.filter((r) => r.method !== 'GET')).toEqual([
      {
        method: 'POST',
        path: '/v1/domains/web/migrate',
        body: { host: 'h2', target, seed, consoleLog },
      },
    ]);
  });

  it('GIVEN a move with a memory change WHEN updated THEN after the migration the new spec is applied on h2', async () => {
    onH2();
    cannedOn(hosts.h2, '/v1/domains/web/incoming', 200, { ready: true });
    cannedOn(hosts.h1, '/v1/domains/web/migrate', 200, { uuid: 'uuid-web', mode: 'live', durationMs: 5 });
    await vmHandler.update(hosts.ctx(), A, vm(), vm({ host_id: 'h2', memory_mib: 512 }));
    expect(hosts.h2.calls()).toEqual(['PUT /v1/domains/web/incoming', 'PUT /v1/domains/web']);
  });

  it('GIVEN an HA VM whose host h1 does not answer WHEN host_id goes h1 -> h2 THEN h2 takes it over with its recorded UUID (fencing first, in the agent)', async () => {
    onH2();
    await vmHandler.create(hosts.ctx(), A, vm());
    const domain = { ...hosts.h1.inventory.domains[0]!, uuid: 'uuid-web' };
    await hosts.h1.close();
    cannedOn(hosts.h2, '/v1/domains/web/takeover', 200, { domain, fencedClients: ['10.0.0.1:0/7'] });
    const prior = vm({ ha_enabled: true, uuid: 'uuid-web' });
    const recorded = await vmHandler.update(hosts.ctx(), A, prior, vm({ ha_enabled: true, host_id: 'h2' }));
    const takeover = hosts.h2.requests.find((r) => r.method === 'POST')!;
    expect([takeover.path, (takeover.body as { uuid: string }).uuid]).toEqual([
      '/v1/domains/web/takeover',
      'uuid-web',
    ]);
    expect(recorded).toMatchObject({ host_id: 'h2', uuid: 'uuid-web' });
  });

  it('GIVEN a VM without ha_enabled whose host does not answer WHEN host_id changes THEN it is not restarted elsewhere', async () => {
    onH2();
    cannedOn(hosts.h2, '/v1/domains/web/incoming', 200, { ready: true });
    await hosts.h1.close();
    await expect(
      vmHandler.update(hosts.ctx(), A, vm({ uuid: 'uuid-web' }), vm({ host_id: 'h2' })),
    ).rejects.toMatchObject({ code: 'unreachable', host: 'h1' });
    expect(hosts.h2.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('GIVEN h2 reports no migration target WHEN host_id goes h1 -> h2 THEN the error says what to configure and nothing moves', async () => {
    onH2();
    delete hosts.h2.inventory.host.migration;
    await expect(vmHandler.update(hosts.ctx(), A, vm(), vm({ host_id: 'h2' }))).rejects.toMatchObject({
      host: 'h2',
      message:
        'cannot migrate nssv_vm.web to host h2: its agentd config has no "migration" (the libvirt URI and address peers migrate to); add it and restart agentd',
    });
    expect(hosts.h1.calls()).toEqual([]);
  });

  it('GIVEN libvirt on h1 fails the migration WHEN host_id goes h1 -> h2 THEN the agent error is raised and h2 gets no domain', async () => {
    onH2();
    cannedOn(hosts.h2, '/v1/domains/web/incoming', 200, { ready: true });
    cannedOn(hosts.h1, '/v1/domains/web/migrate', 502, {
      error: {
        code: 'tool_failed',
        message: 'migrate domain web to qemu+tls://10.0.0.2/system: virsh exited with 1',
      },
    });
    await expect(vmHandler.update(hosts.ctx(), A, vm(), vm({ host_id: 'h2' }))).rejects.toMatchObject({
      code: 'tool_failed',
    });
    expect(hosts.h2.calls()).toEqual(['PUT /v1/domains/web/incoming']);
  });

  it('GIVEN a running VM on a dir-pool volume WHEN host_id goes h1 -> h2 THEN h2 gets an empty twin of the volume, h1 migrates copying it, and h1 removes its copy', async () => {
    hosts.h2.inventory.host.migration = target;
    hosts.h2.inventory.portGroups.push({ ...hosts.h1.inventory.portGroups[0]! });
    await vmHandler.create(hosts.ctx(), A, vm());
    const source = hosts.h1.inventory.volumes[0]!;
    cannedOn(hosts.h2, '/v1/domains/web/incoming', 200, { ready: true });
    cannedOn(hosts.h1, '/v1/domains/web/migrate', 200, {
      uuid: 'uuid-web',
      mode: 'live',
      durationMs: 5,
      copiedDisks: 1,
    });
    hosts.h2.inventory.domains.push({ ...hosts.h1.inventory.domains[0]! });
    hosts.h1.requests.length = 0;
    await vmHandler.update(hosts.ctx(), A, vm(), vm({ host_id: 'h2' }));
    const twin = hosts.h2.inventory.volumes.find((v) => v.name === 'root')!;
    expect(hosts.h2.calls()).toEqual(['PUT /v1/pools/local/volumes/root', 'PUT /v1/domains/web/incoming']);
    expect(hosts.h1.requests.filter((r) => r.method !== 'GET')).toEqual([
      {
        method: 'POST',
        path: '/v1/domains/web/migrate',
        body: {
          host: 'h2',
          target,
          copyStorage: { mode: 'all', disks: [{ source: source.path, destination: twin.path }] },
        },
      },
      { method: 'DELETE', path: '/v1/pools/local/volumes/root', body: undefined },
    ]);
  });

  it('GIVEN a dir-pool VM whose migration fails WHEN host_id goes h1 -> h2 THEN the twin made on h2 is removed and h1 keeps its volume', async () => {
    hosts.h2.inventory.host.migration = target;
    hosts.h2.inventory.portGroups.push({ ...hosts.h1.inventory.portGroups[0]! });
    await vmHandler.create(hosts.ctx(), A, vm());
    cannedOn(hosts.h2, '/v1/domains/web/incoming', 200, { ready: true });
    cannedOn(hosts.h1, '/v1/domains/web/migrate', 502, {
      error: {
        code: 'tool_failed',
        message: 'migrate domain web to qemu+tls://10.0.0.2/system: virsh exited with 1',
      },
    });
    await expect(vmHandler.update(hosts.ctx(), A, vm(), vm({ host_id: 'h2' }))).rejects.toMatchObject({
      code: 'tool_failed',
    });
    expect(hosts.h2.calls()).toEqual([
      'PUT /v1/pools/local/volumes/root',
      'PUT /v1/domains/web/incoming',
      'DELETE /v1/pools/local/volumes/root',
    ]);
    expect(hosts.h1.inventory.volumes.map((v) => v.name)).toEqual(['root']);
  });
});
