import { Domains } from '../../../agentd/domains/domains.js';
import { Virsh } from '../../../agentd/drivers/virsh.js';
import type { UndoFailure } from '../../../agentd/flow/flow.js';
import type { Switches } from '../../../agentd/network/switches.js';
import { PoolLayout } from '../../../agentd/storage/layout.js';
import type { Volumes } from '../../../agentd/storage/volumes.js';
import type { DomainSpec } from '../../../schemas/generated/agentApi.js';
import { FakeLibvirt } from './fake-libvirt.js';

const volumes = {
  get: async (pool: string, volume: string) =>
    volume === 'missing'
      ? undefined
      : {
          pool,
          name: volume,
          address: 'a',
          format: 'qcow2',
          sizeGiB: 1,
          path: `/srv/${pool}/${volume}.qcow2`,
          allocatedBytes: 0,
        },
} as unknown as Volumes;
const switches = {
  list: async () => ({
    switches: [],
    portGroups: [{ switch: 'sw1', name: 'web', address: 'pg', vlanId: 42, vni: null, tag: 42 }],
  }),
} as unknown as Switches;

const spec: DomainSpec = {
  address: 'nssv_vm.vm1',
  vcpus: 1,
  memoryMiB: 64,
  disks: [{ pool: 'p1', volume: 'd1' }],
  nics: [{ switch: 'sw1', portGroup: 'web' }],
  powerState: 'running',
};

function setup() {
  const libvirt = new FakeLibvirt();
  const undoFailures: UndoFailure[] = [];
  const domains = new Domains(
    new Virsh(libvirt.fake.exec, 'qemu:///system'),
    volumes,
    switches,
    new PoolLayout('/srv'),
    {
      domainType: 'qemu',
      shutdownTimeoutMs: 30,
      pollIntervalMs: 5,
      flowOptions: { onUndoFailure: (f) => undoFailures.push(f) },
    },
  );
  return { libvirt, domains, undoFailures };
}

const UUID = '4dea22b3-1d52-d8f3-2516-782e98ab3fa0';

describe('Domains', () => {
  it('GIVEN no domain WHEN put THEN it is defined with nssv metadata and started', async () => {
    const { libvirt, domains } = setup();
    const info = await domains.put('vm1', spec);
    expect(info).toMatchObject({
      name: 'vm1',
      address: 'nssv_vm.vm1',
      memoryMiB: 64,
      state: 'running',
      powerState: 'running',
    });
    expect(info.nics).toEqual([
      {
        switch: 'sw1',
        portGroup: 'web',
        vlanId: 42,
        mac: expect.stringMatching(/^52:54:00:/),
        ip: null,
        securityGroups: [],
      },
    ]);
    expect(libvirt.verbs().filter((v) => ['define', 'start', 'undefine'].includes(v))).toEqual([
      'define',
      'start',
    ]);
  });

  it('GIVEN start fails WHEN a new domain is put THEN the domain this request defined is undefined and the start error is reported', async () => {
    const { libvirt, domains } = setup();
    libvirt.failStart = 'error: internal error: qemu unexpectedly closed the monitor';
    await expect(domains.put('vm1', spec)).rejects.toMatchObject({
      code: 'tool_failed',
      message:
        'start domain vm1: virsh exited with 1: error: internal error: qemu unexpectedly closed the monitor',
    });
    expect(libvirt.domains.has('vm1')).toBe(false);
    expect(libvirt.verbs().filter((v) => ['define', 'start', 'undefine'].includes(v))).toEqual([
      'define',
      'start',
      'undefine',
    ]);
  });

  it('GIVEN start fails and undefine fails too WHEN put THEN the undo failure is recorded and the start error still wins', async () => {
    const { libvirt, domains, undoFailures } = setup();
    libvirt.failStart = 'error: start broke';
    libvirt.failUndefine = 'error: undefine broke';
    await expect(domains.put('vm1', spec)).rejects.toMatchObject({
      message: 'start domain vm1: virsh exited with 1: error: start broke',
    });
    expect(undoFailures).toEqual([
      {
        chain: 'put domain vm1',
        flow: 'define domain',
        error: 'undefine domain vm1: virsh exited with 1: error: undefine broke',
        cause: 'start domain vm1: virsh exited with 1: error: start broke',
      },
    ]);
  });

  it('GIVEN a running domain WHEN memory changes THEN it is stopped, redefined with the same UUID and started again (never undefined)', async () => {
    const { libvirt, domains } = setup();
    const before = await domains.put('vm1', spec);
    libvirt.fake.calls.length = 0;
    const after = await domains.put('vm1', { ...spec, memoryMiB: 128 });
    expect(after.uuid).toBe(before.uuid);
    expect(after).toMatchObject({ memoryMiB: 128, state: 'running' });
    const verbs = libvirt
      .verbs()
      .filter((v) => ['shutdown', 'destroy', 'define', 'start', 'undefine'].includes(v));
    expect(verbs).toEqual(['shutdown', 'destroy', 'define', 'start']);
  });

  it('GIVEN a running domain with max_memory_mib WHEN memory changes within it THEN it is ballooned live and redefined, never stopped', async () => {
    const { libvirt, domains } = setup();
    const before = await domains.put('vm1', { ...spec, maxMemoryMiB: 256 });
    libvirt.fake.calls.length = 0;
    const after = await domains.put('vm1', { ...spec, memoryMiB: 128, maxMemoryMiB: 256 });
    expect(after.uuid).toBe(before.uuid);
    expect(after).toMatchObject({ memoryMiB: 128, maxMemoryMiB: 256, state: 'running' });
    const verbs = libvirt
      .verbs()
      .filter((v) => ['shutdown', 'destroy', 'define', 'start', 'setmem'].includes(v));
    expect(verbs).toEqual(['define', 'setmem']);
  });

  it('GIVEN a running domain WHEN paused, then running again THEN suspend, then resume; power state reported', async () => {
    const { libvirt, domains } = setup();
    await domains.put('vm1', spec);
    libvirt.fake.calls.length = 0;
    expect(await domains.put('vm1', { ...spec, powerState: 'paused' })).toMatchObject({
      state: 'paused',
      powerState: 'paused',
    });
    expect(await domains.put('vm1', spec)).toMatchObject({ state: 'running', powerState: 'running' });
    expect(libvirt.verbs().filter((v) => ['suspend', 'resume', 'shutdown', 'start'].includes(v))).toEqual([
      'suspend',
      'resume',
    ]);
  });

  it('GIVEN a domain that matches the spec WHEN put again THEN nothing is defined, stopped or started', async () => {
    const { libvirt, domains } = setup();
    await domains.put('vm1', spec);
    libvirt.fake.calls.length = 0;
    await domains.put('vm1', spec);
    expect(libvirt.verbs().filter((v) => ['shutdown', 'destroy', 'define', 'start'].includes(v))).toEqual([]);
  });

  it('GIVEN a memory change whose restart fails WHEN put THEN the old definition is restored and the domain runs again', async () => {
    const { libvirt, domains } = setup();
    await domains.put('vm1', spec);
    libvirt.failStart = 'error: not enough memory';
    await expect(domains.put('vm1', { ...spec, memoryMiB: 128 })).rejects.toMatchObject({
      code: 'tool_failed',
    });
    libvirt.failStart = undefined;
    expect(libvirt.domains.get('vm1')!.xml).toContain('<memory unit="KiB">65536</memory>');
  });

  it('GIVEN a missing volume or port group WHEN put THEN 404 naming the disk or NIC and nothing is defined', async () => {
    const { libvirt, domains } = setup();
    await expect(
      domains.put('vm1', { ...spec, disks: [{ pool: 'p1', volume: 'missing' }] }),
    ).rejects.toMatchObject({
      status: 404,
      message:
        'disks[0]: volume "missing" does not exist in pool "p1" on this host; create it first (PUT /v1/pools/p1/volumes/missing)',
    });
    await expect(
      domains.put('vm1', { ...spec, nics: [{ switch: 'sw1', portGroup: 'db' }] }),
    ).rejects.toMatchObject({
      status: 404,
      message:
        'nics[0]: port group "db" does not exist on switch "sw1" on this host; create it first (PUT /v1/switches/sw1/port-groups/db)',
    });
    expect(libvirt.verbs()).not.toContain('define');
  });

  it('GIVEN a domain nssv does not manage WHEN put or deleted THEN 409 and it is left alone', async () => {
    const { libvirt, domains } = setup();
    libvirt.domains.set('vm1', {
      xml: `<domain type='kvm'><name>vm1</name><uuid>u</uuid></domain>`,
      state: 'running',
    });
    await expect(domains.put('vm1', spec)).rejects.toMatchObject({ status: 409 });
    await expect(domains.delete('vm1')).rejects.toMatchObject({
      status: 409,
      message: 'libvirt domain "vm1" is not managed by nssv; refusing to delete it',
    });
    expect(await domains.list()).toEqual([]);
  });

  it('GIVEN a running domain WHEN deleted twice THEN shutdown, destroy after the timeout, undefine; then deleted:false', async () => {
    const { libvirt, domains } = setup();
    await domains.put('vm1', spec);
    libvirt.fake.calls.length = 0;
    expect(await domains.delete('vm1')).toEqual({ deleted: true });
    expect(libvirt.verbs().filter((v) => ['shutdown', 'destroy', 'undefine'].includes(v))).toEqual([
      'shutdown',
      'destroy',
      'undefine',
    ]);
    expect(await domains.delete('vm1')).toEqual({ deleted: false });
  });

  describe('migrate', () => {
    const target = { host: 'h2', target: { libvirtUri: 'qemu+tls://10.0.0.2/system', address: '10.0.0.2' } };
    const diskless: DomainSpec = { ...spec, disks: [] };

    it('GIVEN a running domain without local disks WHEN migrated THEN virsh migrate --live runs with the target as argv and it leaves this host', async () => {
      const { libvirt, domains } = setup();
      const info = await domains.put('vm1', diskless);
      libvirt.fake.calls.length = 0;
      const result = await domains.migrate('vm1', target);
      expect([result.uuid, result.mode]).toEqual([info.uuid, 'live']);
      const migrate = libvirt.fake.calls.find((c) => c.args[3] === 'migrate')!;
      expect(migrate.args).toEqual([
        '-q',
        '-c',
        'qemu:///system',
        'migrate',
        '--live',
        '--migrateuri',
        'tcp://10.0.0.2',
        '--listen-address',
        '10.0.0.2',
        '--persistent',
        '--undefinesource',
        '--domain',
        'vm1',
        '--desturi',
        'qemu+tls://10.0.0.2/system',
      ]);
      expect(await domains.get('vm1')).toBeUndefined();
    });

    it('GIVEN a shut-off domain WHEN migrated THEN only its definition moves (--offline): cold', async () => {
      const { libvirt, domains } = setup();
      await domains.put('vm1', { ...diskless, powerState: 'shutoff' });
      const result = await domains.migrate('vm1', target);
      expect(result.mode).toBe('cold');
      const migrate = libvirt.fake.calls.find((c) => c.args[3] === 'migrate')!;
      expect(migrate.args.slice(3, 6)).toEqual(['migrate', '--offline', '--persistent']);
    });

    it('GIVEN a domain with a local disk file WHEN migrated without a copy of it THEN 409 naming the disk, and nothing runs', async () => {
      const { libvirt, domains } = setup();
      await domains.put('vm1', spec);
      libvirt.fake.calls.length = 0;
      await expect(domains.migrate('vm1', target)).rejects.toMatchObject({
        status: 409,
        message:
          'domain "vm1" cannot migrate to h2: its disk vda (/srv/p1/d1.qcow2) is a local file, not shared (rbd) storage, and no copy of it was asked for',
      });
      expect(libvirt.verbs()).not.toContain('migrate');
    });

    it('GIVEN libvirt fails the migration WHEN migrated THEN the error names the command and the domain is still here, running', async () => {
      const { libvirt, domains } = setup();
      await domains.put('vm1', diskless);
      libvirt.failMigrate = 'error: operation failed: migration out job: unexpectedly failed';
      await expect(domains.migrate('vm1', target)).rejects.toMatchObject({
        code: 'tool_failed',
        message:
          'migrate domain vm1 to qemu+tls://10.0.0.2/system: virsh exited with 1: error: operation failed: migration out job: unexpectedly failed',
      });
      expect((await domains.get('vm1'))?.powerState).toBe('running');
    });

    it('GIVEN a destination WHEN readied for an incoming domain THEN its disks must resolve here and no domain of that name may exist', async () => {
      const { libvirt, domains } = setup();
      expect(await domains.prepareIncoming('vm1', spec, UUID)).toEqual({
        ready: true,
        consoleLog: null,
        seed: null,
      });
      await expect(
        domains.prepareIncoming('vm1', { ...spec, disks: [{ pool: 'p1', volume: 'missing' }] }, UUID),
      ).rejects.toMatchObject({ status: 404 });
      await domains.put('vm1', spec);
      libvirt.fake.calls.length = 0;
      await expect(domains.prepareIncoming('vm1', spec, UUID)).rejects.toMatchObject({
        status: 409,
        message: 'a domain "vm1" already exists on this host: migrating another copy here would make two',
      });
      expect(libvirt.verbs()).toEqual(['dumpxml']);
    });

    it('GIVEN no such domain WHEN migrated THEN 404', async () => {
      const { domains } = setup();
      await expect(domains.migrate('nope', target)).rejects.toMatchObject({
        status: 404,
        message: 'domain "nope" does not exist on this host',
      });
    });
  });
});

describe('Domains.liveNics', () => {
  it('GIVEN running and stopped domains, one with its tap THEN its NIC is read, from one list and one batched dumpxml', async () => {
    const { libvirt, domains } = setup();
    for (const name of ['web1', 'web2', 'web3'])
      await domains.put(name, { ...spec, address: `nssv_vm.${name}` });
    libvirt.domains.get('web3')!.state = 'shut off';
    // libvirt names the tap when the guest starts: the live XML of web1 has it, web2's not yet
    const web1 = libvirt.domains.get('web1')!;
    web1.xml = web1.xml.replace(/<\/mac>|<mac [^>]*\/>/, (m) => `${m}<target dev="vnet7"/>`);
    libvirt.fake.calls.length = 0;
    expect(await domains.liveNics()).toMatchObject([
      { domain: 'web1', switch: 'sw1', tag: 42, device: 'vnet7' },
    ]);
    expect(libvirt.fake.lines().map((l) => l.split(' ').slice(4).join(' '))).toEqual([
      'list --all',
      'dumpxml web1; dumpxml web2',
    ]);
  });
});
