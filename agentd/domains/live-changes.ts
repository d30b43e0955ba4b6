import type { DiskDefinition, DomainDefinition, NicDefinition } from './definition.js';
import type { ParsedDomain } from './domain-parse.js';

/** What changes on a running domain without a power cycle. */
export interface LiveChanges {
  vcpus?: number;
  memoryMiB?: number;
  /** libvirt's <on_crash> action for the running domain (virsh set-lifecycle-action). */
  onCrash?: string;
  attachDisks: DiskDefinition[];
  detachDisks: DiskDefinition[];
  attachNics: NicDefinition[];
  detachNics: NicDefinition[];
}

export function isEmpty(c: LiveChanges): boolean {
  return (
    c.vcpus === undefined &&
    c.memoryMiB === undefined &&
    c.onCrash === undefined &&
    c.attachDisks.length + c.detachDisks.length + c.attachNics.length + c.detachNics.length === 0
  );
}

/**
 * The live changes that take a running domain (`live`, from `virsh dumpxml`) to `desired`, or
 * 'cold' when something needs a power cycle: a new maximum of vCPUs or memory, vCPUs or memory
 * above the maximum, a disk or NIC that changed in place (a disk's bus or boot order included), a
 * new sata disk, the first scsi disk or one with a boot order, the seed CD-ROM or console log added or removed, a PCI passthrough device added or removed. Disks (by target) and NICs (by MAC) that appear or disappear are hot-plugged.
 */
export function liveChanges(live: ParsedDomain, desired: DomainDefinition): LiveChanges | 'cold' {
  if (live.maxVcpus !== desired.maxVcpus || live.maxMemoryMiB !== desired.maxMemoryMiB) return 'cold';
  if ((live.seed?.path ?? null) !== (desired.seed?.path ?? null)) return 'cold';
  if ((live.consoleLog ?? null) !== (desired.consoleLog ?? null)) return 'cold';
  // Passthrough devices are defined, never hot-plugged: a new list needs a power cycle.
  if ((live.pciDevices ?? []).join(',') !== (desired.pciDevices ?? []).join(',')) return 'cold';
  const changes: LiveChanges = { attachDisks: [], detachDisks: [], attachNics: [], detachNics: [] };
  if (live.vcpus !== desired.vcpus) changes.vcpus = desired.vcpus;
  if (live.memoryMiB !== desired.memoryMiB) changes.memoryMiB = desired.memoryMiB;
  // The pvpanic device that comes with restart reaches the guest at its next boot; the action itself applies now.
  if ((live.onCrash ?? 'destroy') !== (desired.onCrash ?? 'destroy'))
    changes.onCrash = desired.onCrash ?? 'destroy';

  const liveDisks = new Map(live.disks.map((d) => [d.target, d]));
  const wantDisks = new Map(desired.disks.map((d) => [d.target, d]));
  for (const [target, want] of wantDisks) {
    const have = liveDisks.get(target);
    // QEMU's AHCI controller has no hot-plug; a new boot order is read by the firmware at boot only.
    if (!have) {
      if (want.bus === 'sata' || want.bootOrder !== null) return 'cold';
      // The virtio-scsi controller comes with the first scsi disk, in the definition.
      if (want.bus === 'scsi' && !live.disks.some((d) => d.bus === 'scsi')) return 'cold';
      changes.attachDisks.push(want);
    } else if (
      have.path !== want.path ||
      have.format !== want.format ||
      have.bus !== want.bus ||
      have.bootOrder !== want.bootOrder
    )
      return 'cold';
  }
  for (const [target, have] of liveDisks) if (!wantDisks.has(target)) changes.detachDisks.push(have);

  const liveNics = new Map(live.nics.map((n) => [n.mac, n]));
  const wantNics = new Map(desired.nics.map((n) => [n.mac, n]));
  for (const [mac, want] of wantNics) {
    const have = liveNics.get(mac);
    if (!have) changes.attachNics.push(want);
    else if (have.switch !== want.switch || have.vlanId !== want.vlanId) return 'cold';
  }
  for (const [mac, have] of liveNics) if (!wantNics.has(mac)) changes.detachNics.push(have);
  return changes;
}
