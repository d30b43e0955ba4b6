import type { PciDeviceInfo } from '../../schemas/generated/agentApi.js';
import { child, parseXml, path } from '../domains/xml.js';
import { formatPciAddress } from './pciAddress.js';

/** A PCI device from `virsh nodedev-dumpxml`, without the domains using it. */
export type PciDevice = Omit<PciDeviceInfo, 'usedBy'>;

/**
 * Reads one node device document; undefined when it is not a PCI device. The capability carries
 * the address as decimal numbers, the vendor and product ids as attributes with their names (from
 * the PCI id database) as text, and `<iommuGroup number='N'>` only on hosts with an IOMMU.
 */
export function parseNodedevPci(xml: string): PciDevice | undefined {
  const root = parseXml(xml);
  if (root.name !== 'device') throw new Error(`expected a <device> document, got <${root.name}>`);
  const cap = root.children.find((c) => c.name === 'capability' && c.attrs.type === 'pci');
  if (!cap) return undefined;
  const number = (name: string): number => Number(child(cap, name)?.text.trim() ?? NaN);
  const parts = {
    domain: number('domain'),
    bus: number('bus'),
    slot: number('slot'),
    function: number('function'),
  };
  if (Object.values(parts).some((n) => !Number.isInteger(n) || n < 0))
    throw new Error(`PCI device ${child(root, 'name')?.text.trim() ?? '?'} has no complete address`);
  const group = child(cap, 'iommuGroup')?.attrs.number;
  const driver = path(root, 'driver', 'name')?.text.trim();
  return {
    address: formatPciAddress(parts),
    vendorId: child(cap, 'vendor')?.attrs.id ?? '',
    vendor: child(cap, 'vendor')?.text.trim() ?? '',
    productId: child(cap, 'product')?.attrs.id ?? '',
    product: child(cap, 'product')?.text.trim() ?? '',
    class: child(cap, 'class')?.text.trim() ?? '',
    driver: driver ? driver : null,
    iommuGroup: group === undefined ? null : Number(group),
  };
}
