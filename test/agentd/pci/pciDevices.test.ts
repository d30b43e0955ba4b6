import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PCI_CACHE_MS, PciDevices } from '../../../agentd/pci/pciDevices.js';
import { AgentError } from '../../../agentd/errors.js';

const fixture = (name: string) =>
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8');
const xmls = [fixture('nodedev-virtio-net.xml'), fixture('nodedev-gpu-iommu.hand-written.xml')];

function devices(now = () => 0) {
  const virsh = { calls: 0, pciDeviceXmls: async () => (virsh.calls++, xmls) };
  return { virsh, pci: new PciDevices(virsh, now) };
}

describe('PciDevices', () => {
  it('GIVEN two devices and a domain passing one through WHEN listed THEN sorted by address with usedBy', async () => {
    const { pci } = devices();
    const list = await pci.list(new Map([['gpu', ['0000:65:00.0']]]));
    expect(list.map((d) => [d.address, d.usedBy])).toEqual([
      ['0000:00:03.0', []],
      ['0000:65:00.0', ['gpu']],
    ]);
  });

  it('GIVEN a listed host WHEN listed again within the cache time THEN libvirt is asked once; after it, again; forget() drops the cache', async () => {
    let t = 0;
    const { pci, virsh } = devices(() => t);
    await pci.devices();
    t = PCI_CACHE_MS - 1;
    await pci.devices();
    expect(virsh.calls).toBe(1);
    t = PCI_CACHE_MS;
    await pci.devices();
    expect(virsh.calls).toBe(2);
    pci.forget();
    await pci.devices();
    expect(virsh.calls).toBe(3);
  });

  it('GIVEN an address the host lacks WHEN checked THEN not_found naming the index, the address and the devices it has', async () => {
    const { pci } = devices();
    const e = await pci.check('vm1', ['0000:00:03.0', '0000:b3:00.0'], new Map()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AgentError);
    expect((e as AgentError).code).toBe('not_found');
    expect((e as AgentError).message).toBe(
      'pciDevices[1]: PCI device 0000:b3:00.0 does not exist on this host (it has 0000:00:03.0, 0000:65:00.0); name one of its devices (virsh nodedev-list --cap pci)',
    );
  });

  it('GIVEN a device another domain passes through WHEN checked THEN conflict naming that domain; the domain itself may keep it', async () => {
    const { pci } = devices();
    const users = new Map([['other', ['0000:65:00.0']]]);
    const e = await pci.check('vm1', ['0000:65:00.0'], users).catch((x: unknown) => x);
    expect((e as AgentError).code).toBe('conflict');
    expect((e as AgentError).message).toBe(
      'pciDevices[0]: PCI device 0000:65:00.0 is already passed through to domain "other" on this host; a device can be given to one domain only: remove it from that domain first',
    );
    await expect(pci.check('other', ['0000:65:00.0'], users)).resolves.toBeUndefined();
  });
});
