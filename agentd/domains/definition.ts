import type { VolumeFormat } from '../api/types.js';

/** Everything nssv puts into a libvirt domain definition. */
export interface DomainDefinition {
  name: string;
  uuid: string;
  type: 'kvm' | 'qemu';
  address: string;
  vcpus: number;
  memoryMiB: number;
  disks: DiskDefinition[];
  nics: NicDefinition[];
}

export interface DiskDefinition {
  pool: string;
  volume: string;
  path: string;
  format: VolumeFormat;
  /** vda, vdb, … */
  target: string;
}

export interface NicDefinition {
  switch: string;
  portGroup: string;
  vlanId: number | null;
  mac: string;
  /** The NIC's IPv4 address (nssv allocated or fixed), recorded in nssv's metadata; null: none. */
  ip: string | null;
  /** Security groups filtering the NIC (metadata; flows in agentd/firewall). */
  securityGroups: string[];
  /** The host-side tap (live XML only, e.g. vnet3). */
  device?: string;
}

export const NSSV_XMLNS = 'https://nssv.dev/xmlns/1';

/** vda … vdz, then vdaa …: guest device names in spec order. */
export function diskTarget(index: number): string {
  let n = index;
  let suffix = '';
  do {
    suffix = String.fromCharCode(97 + (n % 26)) + suffix;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `vd${suffix}`;
}

/** What the guest sees: a change here needs a power cycle of a running domain to take effect. */
export function hardwareKey(d: Pick<DomainDefinition, 'vcpus' | 'memoryMiB' | 'disks' | 'nics'>): string {
  return JSON.stringify({
    vcpus: d.vcpus,
    memoryMiB: d.memoryMiB,
    disks: d.disks.map((x) => [x.path, x.format, x.target]),
    nics: d.nics.map((x) => [x.switch, x.vlanId, x.mac]),
  });
}

/** Everything we define: a change here needs a redefine. */
export function definitionKey(d: Omit<DomainDefinition, 'uuid' | 'name' | 'type'>): string {
  return JSON.stringify({
    hw: hardwareKey(d),
    address: d.address,
    disks: d.disks.map((x) => [x.pool, x.volume]),
    nics: d.nics.map((x) => [x.portGroup, x.ip, x.securityGroups]),
  });
}
