/**
 * PCI addresses in the form nssv_vm.pci_passthrough and `lspci -D` use (`0000:65:00.0`:
 * domain:bus:slot.function, lower-case hex) and in libvirt's XML (`<address domain='0x0000'
 * bus='0x65' slot='0x00' function='0x0'/>`, or the decimal numbers of nodedev's capability).
 */
export interface PciParts {
  domain: number;
  bus: number;
  slot: number;
  function: number;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** `0000:65:00.0` */
export function formatPciAddress(p: PciParts): string {
  return `${hex(p.domain, 4)}:${hex(p.bus, 2)}:${hex(p.slot, 2)}.${hex(p.function, 1)}`;
}

/** The parts of `0000:65:00.0`; undefined when it is not such an address. */
export function parsePciAddress(address: string): PciParts | undefined {
  const m = /^([0-9a-f]{4}):([0-9a-f]{2}):([01][0-9a-f])\.([0-7])$/.exec(address);
  if (!m) return undefined;
  const [domain, bus, slot, fn] = m.slice(1).map((x) => parseInt(x!, 16)) as [number, number, number, number];
  return { domain, bus, slot, function: fn };
}

/** The attributes of libvirt's `<address type='pci'>` for a device (hex, as libvirt writes them). */
export function libvirtAddressAttrs(p: PciParts): Record<string, string> {
  return {
    domain: `0x${hex(p.domain, 4)}`,
    bus: `0x${hex(p.bus, 2)}`,
    slot: `0x${hex(p.slot, 2)}`,
    function: `0x${hex(p.function, 1)}`,
  };
}

/**
 * The address from libvirt's `<address>` attributes (`0x`-prefixed hex, or decimal as libvirt
 * also accepts); undefined when one is missing or not a number.
 */
export function fromLibvirtAttrs(attrs: Readonly<Record<string, string | undefined>>): string | undefined {
  const num = (v: string | undefined): number =>
    v === undefined ? NaN : /^0x/i.test(v) ? parseInt(v.slice(2), 16) : /^\d+$/.test(v) ? Number(v) : NaN;
  const parts = {
    domain: num(attrs.domain),
    bus: num(attrs.bus),
    slot: num(attrs.slot),
    function: num(attrs.function),
  };
  return Object.values(parts).some((n) => Number.isNaN(n)) ? undefined : formatPciAddress(parts);
}
