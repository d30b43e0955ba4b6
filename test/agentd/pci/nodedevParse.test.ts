import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNodedevPci } from '../../../agentd/pci/nodedevParse.js';

/**
 * Fixtures: nodedev-virtio-net.xml and nodedev-host-bridge.xml are `virsh nodedev-dumpxml` of
 * this machine's devices (libvirt 9.0, no IOMMU); nodedev-gpu-iommu.hand-written.xml follows
 * libvirt's documented layout for a device in an IOMMU group (no such device here).
 */
const fixture = (name: string) =>
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8');

describe('parseNodedevPci', () => {
  it('GIVEN a real dump of a virtio NIC WHEN parsed THEN address, ids, names, class and driver are read; no IOMMU group', () => {
    expect(parseNodedevPci(fixture('nodedev-virtio-net.xml'))).toEqual({
      address: '0000:00:03.0',
      vendorId: '0x1af4',
      vendor: 'Red Hat, Inc.',
      productId: '0x1041',
      product: 'Virtio 1.0 network device',
      class: '0x020000',
      driver: 'virtio-pci',
      iommuGroup: null,
    });
  });

  it('GIVEN a real dump of a device without a driver and without a product name WHEN parsed THEN driver is null and product empty', () => {
    expect(parseNodedevPci(fixture('nodedev-host-bridge.xml'))).toEqual({
      address: '0000:00:00.0',
      vendorId: '0x8086',
      vendor: 'Intel Corporation',
      productId: '0x0d57',
      product: '',
      class: '0x060000',
      driver: null,
      iommuGroup: null,
    });
  });

  it('GIVEN a GPU in IOMMU group 42 on bus 101 WHEN parsed THEN the bus is hex 65 and the group is 42', () => {
    expect(parseNodedevPci(fixture('nodedev-gpu-iommu.hand-written.xml'))).toEqual({
      address: '0000:65:00.0',
      vendorId: '0x10de',
      vendor: 'NVIDIA Corporation',
      productId: '0x2330',
      product: 'GH100 [H100 SXM5 80GB]',
      class: '0x030200',
      driver: 'nvidia',
      iommuGroup: 42,
    });
  });

  it('GIVEN a node device that is not PCI WHEN parsed THEN undefined', () => {
    expect(
      parseNodedevPci(
        "<device><name>net_lo_00</name><capability type='net'><interface>lo</interface></capability></device>",
      ),
    ).toBeUndefined();
  });

  it('GIVEN a PCI capability without a bus WHEN parsed THEN it fails naming the device', () => {
    const xml = fixture('nodedev-virtio-net.xml').replace('<bus>0</bus>', '');
    expect(() => parseNodedevPci(xml)).toThrow('PCI device pci_0000_00_03_0 has no complete address');
  });
});
