import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Seeds } from '../../../agentd/cloudinit/seeds.js';
import { Domains } from '../../../agentd/domains/domains.js';
import { GenIsoImage } from '../../../agentd/drivers/genisoimage.js';
import { Virsh } from '../../../agentd/drivers/virsh.js';
import type { Switches } from '../../../agentd/network/switches.js';
import { PoolLayout } from '../../../agentd/storage/layout.js';
import type { Volumes } from '../../../agentd/storage/volumes.js';
import type { CloudInitSpec, DomainSpec } from '../../../schemas/generated/agentApi.js';
import { FakeLibvirt } from './fake-libvirt.js';

const volumes = {
  get: async (pool: string, volume: string) => ({
    pool,
    name: volume,
    address: 'a',
    format: 'qcow2',
    sizeGiB: 1,
    path: `/srv/${pool}/${volume}.qcow2`,
    allocatedBytes: 0,
  }),
} as unknown as Volumes;
const switches = { list: async () => ({ switches: [], portGroups: [] }) } as unknown as Switches;

const cloudInit: CloudInitSpec = {
  userData: '#cloud-config\nruncmd: [touch, /one]\n',
  sshAuthorizedKeys: [],
  nics: [],
  rebootOnChange: false,
};
const spec: DomainSpec = {
  address: 'nssv_vm.vm1',
  vcpus: 1,
  memoryMiB: 64,
  disks: [{ pool: 'p1', volume: 'd1' }],
  nics: [],
  powerState: 'running',
  cloudInit,
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nssv-seed-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(seedDir = dir) {
  const libvirt = new FakeLibvirt();
  // genisoimage at the exec boundary: the "ISO" is the files' contents one after another.
  libvirt.fake.on('genisoimage', async ({ args }) => {
    const output = args[args.indexOf('-output') + 1]!;
    const files = args.slice(args.indexOf('-rock') + 1);
    const parts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    await writeFile(output, parts.join('\n'));
    return {};
  });
  const seeds = new Seeds(seedDir, new GenIsoImage(libvirt.fake.exec));
  const domains = new Domains(
    new Virsh(libvirt.fake.exec, 'qemu:///system'),
    volumes,
    switches,
    new PoolLayout('/srv'),
    { domainType: 'qemu', shutdownTimeoutMs: 30, pollIntervalMs: 5, seeds },
  );
  return { libvirt, domains, seeds };
}

const verbs = (libvirt: FakeLibvirt) => libvirt.fake.lines('virsh').map((l) => l.split(' ')[4]);

describe('Domains: the cloud-init seed', () => {
  it('GIVEN a domain with a seed WHEN listed THEN the seed is intact, and its digest is in the metadata', async () => {
    const { libvirt, domains } = setup();
    const created = await domains.put('vm1', spec);
    expect(created.cloudInit).toEqual({ instanceId: expect.stringMatching(/^nssv-/), seed: 'intact' });
    expect(libvirt.domains.get('vm1')!.xml).toMatch(
      /<nssv:cloud-init instance-id="nssv-[^"]+" sha256="[0-9a-f]{64}"\/>/,
    );
    expect((await domains.list())[0]!.cloudInit!.seed).toBe('intact');
  });

  it('GIVEN the seed file deleted or edited on the host WHEN listed THEN missing, then modified; WHEN put again THEN it is rewritten and intact, the running guest untouched', async () => {
    const { libvirt, domains, seeds } = setup();
    await domains.put('vm1', spec);
    await rm(seeds.path('vm1'));
    expect((await domains.get('vm1'))!.cloudInit!.seed).toBe('missing');
    await writeFile(seeds.path('vm1'), 'edited by hand');
    expect((await domains.get('vm1'))!.cloudInit!.seed).toBe('modified');

    libvirt.fake.calls.length = 0;
    const repaired = await domains.put('vm1', spec);
    expect(repaired.cloudInit!.seed).toBe('intact');
    expect(await readFile(seeds.path('vm1'), 'utf8')).toContain('runcmd: [touch, /one]');
    // Same content, same instance id: the media is swapped in, nothing is stopped or restarted.
    expect(verbs(libvirt)).not.toContain('shutdown');
    expect(verbs(libvirt)).not.toContain('destroy');
    expect(libvirt.fake.lines('change-media')).toEqual([
      `virsh -q -c qemu:///system change-media vm1 hdc --eject --live --force`,
      `virsh -q -c qemu:///system change-media vm1 hdc ${seeds.path('vm1')} --insert --live`,
    ]);
  });

  it('GIVEN a running domain WHEN its user data changes (next boot) THEN the seed is rewritten and swapped into the CD-ROM live, and the domain is never stopped', async () => {
    const { libvirt, domains, seeds } = setup();
    const before = await domains.put('vm1', spec);
    libvirt.fake.calls.length = 0;
    const after = await domains.put('vm1', {
      ...spec,
      cloudInit: { ...cloudInit, userData: '#cloud-config\nruncmd: [touch, /two]\n' },
    });
    expect(after.uuid).toBe(before.uuid);
    expect(after.cloudInit!.instanceId).not.toBe(before.cloudInit!.instanceId);
    expect(await readFile(seeds.path('vm1'), 'utf8')).toContain('/two');
    expect(verbs(libvirt)).not.toContain('shutdown');
    expect(libvirt.fake.lines('change-media')).toHaveLength(2);
    expect(after.state).toBe('running');
  });

  it('GIVEN rebootOnChange WHEN the user data of a running domain changes THEN it is shut down and started again with the new seed; WHEN nothing changes THEN no restart', async () => {
    const { libvirt, domains } = setup();
    await domains.put('vm1', { ...spec, cloudInit: { ...cloudInit, rebootOnChange: true } });
    libvirt.fake.calls.length = 0;
    await domains.put('vm1', {
      ...spec,
      cloudInit: { ...cloudInit, userData: '#cloud-config\nruncmd: [touch, /two]\n', rebootOnChange: true },
    });
    // The fake guest ignores ACPI: destroyed once the shutdown timeout passes, then started.
    const v = verbs(libvirt);
    expect(v).toContain('shutdown');
    expect(v.indexOf('start')).toBeGreaterThan(v.indexOf('shutdown'));
    expect(libvirt.fake.lines('change-media')).toEqual([]);
    expect(libvirt.domains.get('vm1')!.state).toBe('running');

    libvirt.fake.calls.length = 0;
    await domains.put('vm1', {
      ...spec,
      cloudInit: { ...cloudInit, userData: '#cloud-config\nruncmd: [touch, /two]\n', rebootOnChange: true },
    });
    expect(verbs(libvirt)).not.toContain('shutdown');
    expect(verbs(libvirt)).not.toContain('define');
  });

  describe('migration', () => {
    const diskless: DomainSpec = { ...spec, disks: [] };
    const target = { host: 'h2', target: { libvirtUri: 'qemu+tls://10.0.0.2/system', address: '10.0.0.2' } };

    it('GIVEN a domain with a seed WHEN another host is readied for it THEN that host writes a seed of the same content and says where, with its digest', async () => {
      const source = setup();
      const info = await source.domains.put('vm1', diskless);
      const destination = setup(join(dir, 'h2'));
      const ready = await destination.domains.prepareIncoming('vm1', diskless, info.uuid);
      expect(ready).toEqual({
        ready: true,
        consoleLog: null,
        seed: { path: destination.seeds.path('vm1'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
      expect(await readFile(destination.seeds.path('vm1'))).toEqual(await readFile(source.seeds.path('vm1')));
      expect(
        await setup().domains.prepareIncoming('vm2', { ...diskless, cloudInit: undefined }, info.uuid),
      ).toEqual({ ready: true, consoleLog: null, seed: null });
    });

    it("GIVEN the destination's seed WHEN migrated THEN the domain's CD-ROM names it there and its record that seed's digest (running and defined), and this host's seed is removed", async () => {
      const { libvirt, domains, seeds } = setup();
      await domains.put('vm1', diskless);
      const here = seeds.path('vm1');
      const there = '/var/lib/nssv/h2/seeds/vm1.iso';
      const sha256 = 'ab'.repeat(32);
      await domains.migrate('vm1', { ...target, seed: { path: there, sha256 } });
      const xmls = libvirt.migrationXml;
      expect(Object.keys(xmls).sort()).toEqual(['--persistent-xml', '--xml']);
      for (const xml of Object.values(xmls)) {
        expect(xml).toContain(`<source file="${there}"/>`);
        expect(xml).toMatch(new RegExp(`<nssv:cloud-init instance-id="nssv-[^"]+" sha256="${sha256}"/>`));
        expect(xml).not.toContain(here);
      }
      await expect(readFile(here)).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it('GIVEN a shut-off domain with a seed WHEN migrated THEN the definition libvirt makes there (--xml, offline) names the destination seed', async () => {
      const { libvirt, domains } = setup();
      await domains.put('vm1', { ...diskless, powerState: 'shutoff' });
      const there = '/var/lib/nssv/h2/seeds/vm1.iso';
      const result = await domains.migrate('vm1', {
        ...target,
        seed: { path: there, sha256: 'cd'.repeat(32) },
      });
      expect(result.mode).toBe('cold');
      expect(Object.keys(libvirt.migrationXml)).toEqual(['--xml']);
      expect(libvirt.migrationXml['--xml']).toContain(`<source file="${there}"/>`);
    });
  });
});
