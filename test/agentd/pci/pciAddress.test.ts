import {
  formatPciAddress,
  fromLibvirtAttrs,
  libvirtAddressAttrs,
  parsePciAddress,
} from '../../../agentd/pci/pciAddress.js';

describe('PCI addresses', () => {
  it('GIVEN 0000:65:1f.7 WHEN parsed, rendered for libvirt and read back THEN the same address', () => {
    const parts = parsePciAddress('0000:65:1f.7')!;
    expect(parts).toEqual({ domain: 0, bus: 0x65, slot: 0x1f, function: 7 });
    expect(libvirtAddressAttrs(parts)).toEqual({
      domain: '0x0000',
      bus: '0x65',
      slot: '0x1f',
      function: '0x7',
    });
    expect(fromLibvirtAttrs(libvirtAddressAttrs(parts))).toBe('0000:65:1f.7');
    expect(formatPciAddress(parts)).toBe('0000:65:1f.7');
  });

  it('GIVEN libvirt attributes in decimal WHEN read THEN hex address', () => {
    expect(fromLibvirtAttrs({ domain: '0', bus: '101', slot: '0', function: '1' })).toBe('0000:65:00.1');
  });

  it('GIVEN malformed addresses WHEN parsed THEN undefined', () => {
    for (const bad of [
      '0000:65:00',
      '0000:65:20.0',
      '0000:65:00.8',
      '0000:6G:00.0',
      '0000:65:00.0 ',
      '0000:65:0A.0',
    ])
      expect(parsePciAddress(bad)).toBeUndefined();
    expect(fromLibvirtAttrs({ domain: '0x0000', bus: '0x65', slot: '0x00' })).toBeUndefined();
    expect(fromLibvirtAttrs({ domain: '0x0000', bus: 'x', slot: '0x00', function: '0x0' })).toBeUndefined();
  });
});
