import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Domains } from '../../../agentd/domains/domains.js';
import { Virsh } from '../../../agentd/drivers/virsh.js';
import type { Switches } from '../../../agentd/network/switches.js';
import { PciDevices } from '../../../agentd/pci/pciDevices.js';
import { PoolLayout } from '../../../agentd/storage/layout.js';
import type { Volumes } from '../../../agentd/storage/volumes.js';
import type { DomainSpec } from '../../../schemas/generated/agentApi.js';
import { FakeLibvirt } from './fake-libvirt.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'pci', 'fixtures');
const nodedev = ['nodedev-virtio-net.xml', 'nodedev-gpu-iommu.hand-written.xml'].map((f) =>
  readFileSync(join(fixtures, f), 'utf8'),
);
const volumes = { get: async () => undefined } as unknown as Volumes;
const switches = { list: async () => ({ switches: [], portGroups: [] }) } as unknown as Switches;
const spec = (name: string, pciDevices: string[]): DomainSpec => ({
  address: `nssv_vm.${name}`,
  vcpus: 1,
  memoryMiB: 64,
  disks: [],
  nics: [],
  powerState: 'shutoff',
  pciDevices,
});

function setup(withPci = true) {
  const libvirt = new FakeLibvirt();
  const pci = new PciDevices({ pciDeviceXmls: async () => nodedev });
  const domains = new Domains(
    new Virsh(libvirt.fake.exec, 'qemu:///system'),
    volumes,
    switches,
    new PoolLayout('/srv'),
    { domainType: 'qemu', shutdownTimeoutMs: 30, pollIntervalMs: 5, ...(withPci ? { pci } : {}) },
  );
  return { libvirt, domains, pci };
}

describe('Domains: PCI passthrough', () => {
  it('GIVEN a device the host has WHEN put THEN the definition passes it through and inventory reports it, with the domain as its user', async () => {
    const { libvirt, domains, pci } = setup();
    const info = await domains.put('gpu', spec('gpu', ['0000:65:00.0']));
    expect(info.pciDevices).toEqual(['0000:65:00.0']);
    expect(libvirt.domains.get('gpu')!.xml).toContain('<hostdev mode="subsystem" type="pci" managed="yes">');
    expect((await domains.list())[0]!.pciDevices).toEqual(['0000:65:00.0']);
    const listed = await pci.list(await domains.pciUsers());
    expect(listed.find((d) => d.address === '0000:65:00.0')!.usedBy).toEqual(['gpu']);
  });

  it('GIVEN a device the host lacks WHEN put THEN not_found and nothing is defined', async () => {
    const { libvirt, domains } = setup();
    await expect(domains.put('gpu', spec('gpu', ['0000:b3:00.0']))).rejects.toThrow(
      'pciDevices[0]: PCI device 0000:b3:00.0 does not exist on this host (it has 0000:00:03.0, 0000:65:00.0); name one of its devices (virsh nodedev-list --cap pci)',
    );
    expect(libvirt.verbs()).not.toContain('define');
  });

  it('GIVEN a device another domain passes through WHEN put THEN conflict naming it, nothing defined; the first domain may be put again', async () => {
    const { libvirt, domains } = setup();
    await domains.put('first', spec('first', ['0000:65:00.0']));
    libvirt.fake.calls.length = 0;
    await expect(domains.put('second', spec('second', ['0000:65:00.0']))).rejects.toThrow(
      'pciDevices[0]: PCI device 0000:65:00.0 is already passed through to domain "first" on this host',
    );
    expect(libvirt.domains.has('second')).toBe(false);
    await expect(domains.put('first', spec('first', ['0000:65:00.0']))).resolves.toMatchObject({
      pciDevices: ['0000:65:00.0'],
    });
  });

  it('GIVEN an agent without the PCI reader WHEN a spec has devices THEN conflict saying passthrough is not available', async () => {
    const { domains } = setup(false);
    await expect(domains.put('gpu', spec('gpu', ['0000:65:00.0']))).rejects.toThrow(
      "pciDevices: this agent does not read the host's PCI devices; PCI passthrough is not available",
    );
  });

  it('GIVEN a domain with a passthrough device WHEN asked to migrate THEN conflict naming the device; nothing moves', async () => {
    const { libvirt, domains } = setup();
    await domains.put('gpu', spec('gpu', ['0000:65:00.0']));
    await expect(
      domains.migrate('gpu', {
        host: 'h2',
        target: { libvirtUri: 'qemu+tcp://10.0.0.2/system', address: '10.0.0.2' },
      }),
    ).rejects.toThrow(
      'domain "gpu" cannot migrate to h2: it passes through PCI device(s) 0000:65:00.0 of this host',
    );
    expect(libvirt.verbs()).not.toContain('migrate');
  });
});
