import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import { planError } from './errors.js';

/** Plan errors of nssv_vm.pci_passthrough (issue 11): devices checked against the host's inventory. */
const error = (
  code: string,
  address: string,
  summary: string,
  detail: string,
  range?: SourceRange,
): Diagnostic => planError(code, address, summary, detail, range, 'pci_passthrough');

const list = (xs: readonly string[], max = 12): string =>
  xs.length === 0
    ? 'none'
    : xs.length > max
      ? `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`
      : xs.join(', ');

export const pciErrors = {
  absent: (address: string, device: string, host: string, present: readonly string[], range?: SourceRange) =>
    error(
      'NSSV_PCI_DEVICE_ABSENT',
      address,
      `${address}: pci_passthrough names PCI device ${device}, which host "${host}" does not have`,
      `Host "${host}" has the PCI devices ${list(present)} (see \`virsh nodedev-list --cap pci\` on it, or data "nssv_host_inventory"). Fix: name one of them in pci_passthrough, or pin the VM with host_id to the host that has ${device}.`,
      range,
    ),
  inUse: (address: string, device: string, host: string, users: readonly string[], range?: SourceRange) =>
    error(
      'NSSV_PCI_DEVICE_IN_USE',
      address,
      `${address}: PCI device ${device} on host "${host}" is already passed through to domain ${users.map((u) => `"${u}"`).join(', ')}`,
      `A device can be given to one domain only. Fix: remove ${device} from that domain first (for one nssv manages, from its pci_passthrough), or name another device of "${host}".`,
      range,
    ),
  claimedTwice: (address: string, device: string, host: string, other: string, range?: SourceRange) =>
    error(
      'NSSV_PCI_DEVICE_IN_USE',
      address,
      `${address}: PCI device ${device} on host "${host}" is also in the pci_passthrough of ${other}`,
      `A device can be given to one VM only. Fix: remove ${device} from one of the two VMs.`,
      range,
    ),
  migration: (address: string, devices: readonly string[], from: string, to: string, range?: SourceRange) =>
    error(
      'NSSV_PCI_PASSTHROUGH_MIGRATION',
      address,
      `${address} would move from "${from}" to "${to}", but it passes through PCI device(s) ${devices.join(', ')} of "${from}"`,
      `A VM with passthrough devices cannot be live-migrated: the devices are "${from}"'s hardware. Fix: keep host_id = "${from}"; to run it on "${to}", remove it from the configuration and apply, then declare it again with host_id = "${to}" and devices of "${to}" in pci_passthrough.`,
      range,
    ),
  maintenance: (address: string, devices: readonly string[], host: string, range?: SourceRange) =>
    error(
      'NSSV_PCI_PASSTHROUGH_MAINTENANCE',
      address,
      `host "${host}" is in maintenance, but ${address} runs there with PCI passthrough device(s) ${devices.join(', ')} and cannot be migrated off it`,
      `Draining a host moves its VMs by live migration, which a VM with passthrough devices cannot do. Fix: set power_state = "shutoff" on ${address} while "${host}" is in maintenance (or remove it), or set maintenance = false on "${host}".`,
      range,
    ),
};
