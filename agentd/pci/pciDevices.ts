import type { PciDeviceInfo } from '../../schemas/generated/agentApi.js';
import type { Virsh } from '../drivers/virsh.js';
import { errors } from '../errors.js';
import { type PciDevice, parseNodedevPci } from './nodedevParse.js';

/** How long the host's device list is reused: devices come and go only with hardware changes. */
export const PCI_CACHE_MS = 30_000;

/**
 * The host's PCI devices (libvirt's node device driver), for nssv_vm.pci_passthrough: listed in
 * the inventory with the domains whose definition passes each through, and checked before a
 * domain is defined with them.
 */
export class PciDevices {
  private cached: { at: number; devices: PciDevice[] } | undefined;

  constructor(
    private readonly virsh: Pick<Virsh, 'pciDeviceXmls'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The devices, sorted by address (read again after PCI_CACHE_MS, or after `forget`). */
  async devices(): Promise<PciDevice[]> {
    if (this.cached && this.now() - this.cached.at < PCI_CACHE_MS) return this.cached.devices;
    const xmls = await this.virsh.pciDeviceXmls();
    const devices = xmls
      .map((x) => {
        try {
          return parseNodedevPci(x);
        } catch (e) {
          throw errors.toolFailed(
            `cannot read libvirt's node device XML: ${e instanceof Error ? e.message : String(e)}`,
            x.slice(0, 2000),
          );
        }
      })
      .filter((d): d is PciDevice => d !== undefined)
      .sort((a, b) => (a.address < b.address ? -1 : 1));
    this.cached = { at: this.now(), devices };
    return devices;
  }

  /** Drops the cached list (a passthrough starting or stopping rebinds a device's driver). */
  forget(): void {
    this.cached = undefined;
  }

  /** The devices with the domains using each (`users`: domain name → addresses in its definition). */
  async list(users: ReadonlyMap<string, readonly string[]>): Promise<PciDeviceInfo[]> {
    const byAddress = new Map<string, string[]>();
    for (const [domain, addresses] of users) {
      for (const a of addresses) byAddress.set(a, [...(byAddress.get(a) ?? []), domain]);
    }
    return (await this.devices()).map((d) => ({ ...d, usedBy: (byAddress.get(d.address) ?? []).sort() }));
  }

  /**
   * Refuses a definition of `domain` with `addresses` unless each device exists on this host and
   * no other domain's definition passes it through.
   */
  async check(domain: string, addresses: readonly string[], users: ReadonlyMap<string, readonly string[]>) {
    if (addresses.length === 0) return;
    const devices = await this.list(users);
    addresses.forEach((address, i) => {
      const found = devices.find((d) => d.address === address);
      if (!found) {
        throw errors.notFound(
          `pciDevices[${i}]: PCI device ${address} does not exist on this host (it has ${devices.map((d) => d.address).join(', ') || 'none'}); name one of its devices (virsh nodedev-list --cap pci)`,
        );
      }
      const others = found.usedBy.filter((u) => u !== domain);
      if (others.length > 0) {
        throw errors.conflict(
          `pciDevices[${i}]: PCI device ${address} is already passed through to domain ${others.map((o) => JSON.stringify(o)).join(', ')} on this host; a device can be given to one domain only: remove it from that domain first`,
        );
      }
    });
  }
}
