import type { DomainDefinition } from '../../../agentd/domains/definition.js';
import { definitionKey, hardwareKey } from '../../../agentd/domains/definition.js';
import { parseDomainXml } from '../../../agentd/domains/domain-parse.js';
import { domainXml, hostdevElement } from '../../../agentd/domains/domain-xml.js';
import { liveChanges } from '../../../agentd/domains/live-changes.js';
import { renderXml } from '../../../agentd/domains/xml.js';

const definition: DomainDefinition = {
  name: 'gpu-1',
  uuid: '1c0f7d0e-3a52-4c55-9a43-55a1f3b8e001',
  type: 'kvm',
  address: 'nssv_vm.gpu',
  vcpus: 2,
  memoryMiB: 1024,
  maxVcpus: 2,
  maxMemoryMiB: 1024,
  disks: [],
  nics: [],
  pciDevices: ['0000:65:00.0', '0000:b3:1f.7'],
};

describe('domain XML with PCI passthrough', () => {
  it('GIVEN an address WHEN rendered THEN a managed subsystem hostdev with libvirt hex attributes', () => {
    expect(renderXml(hostdevElement('0000:65:00.0'))).toBe(
      [
        '<hostdev mode="subsystem" type="pci" managed="yes">',
        '  <source>',
        '    <address domain="0x0000" bus="0x65" slot="0x00" function="0x0"/>',
        '  </source>',
        '</hostdev>',
        '',
      ].join('\n'),
    );
    expect(() => hostdevElement('65:00.0')).toThrow('not a PCI address: "65:00.0"');
  });

  it('GIVEN a definition with two devices WHEN rendered and read back THEN both hostdevs, in order, and the same keys', () => {
    const xml = domainXml(definition);
    expect(xml.match(/<hostdev /g)).toHaveLength(2);
    expect(xml).toContain('<address domain="0x0000" bus="0xb3" slot="0x1f" function="0x7"/>');
    const parsed = parseDomainXml(xml);
    expect(parsed.pciDevices).toEqual(['0000:65:00.0', '0000:b3:1f.7']);
    expect(hardwareKey(parsed)).toBe(hardwareKey(definition));
    expect(definitionKey({ ...parsed, address: parsed.address! })).toBe(definitionKey(definition));
  });

  it("GIVEN libvirt's own XML (single quotes, a guest-side address added) WHEN read THEN the host address only", () => {
    const xml = `<domain type='kvm'><name>gpu-1</name><uuid>u</uuid><devices>
      <hostdev mode='subsystem' type='pci' managed='yes'>
        <driver name='vfio'/>
        <source><address domain='0x0000' bus='0x65' slot='0x00' function='0x0'/></source>
        <alias name='hostdev0'/>
        <address type='pci' domain='0x0000' bus='0x06' slot='0x00' function='0x0'/>
      </hostdev>
      <hostdev mode='subsystem' type='usb' managed='yes'><source><vendor id='0x1234'/><product id='0xbeef'/></source></hostdev>
    </devices></domain>`;
    expect(parseDomainXml(xml).pciDevices).toEqual(['0000:65:00.0']);
  });

  it('GIVEN a domain without hostdevs WHEN read THEN no pciDevices; hardwareKey differs from one with devices', () => {
    const plain = parseDomainXml(domainXml({ ...definition, pciDevices: undefined as never }));
    expect(plain.pciDevices).toBeUndefined();
    expect(hardwareKey(plain)).not.toBe(hardwareKey(definition));
  });

  it('GIVEN a running domain WHEN a device is added or removed THEN the change is cold (no hot-plug); the same list is no change', () => {
    const live = parseDomainXml(domainXml(definition));
    expect(liveChanges(live, { ...definition, pciDevices: ['0000:65:00.0'] })).toBe('cold');
    expect(liveChanges({ ...live, pciDevices: undefined }, definition)).toBe('cold');
    expect(liveChanges(live, definition)).toEqual({
      attachDisks: [],
      detachDisks: [],
      attachNics: [],
      detachNics: [],
    });
  });
});
