import type { VolumeFormat } from '../api/types.js';

/** Everything nssv puts into a libvirt domain definition. */
export interface DomainDefinition {
  name: string;
  uuid: string;
  type: 'kvm' | 'qemu';
  address: string;
  vcpus: number;
  memoryMiB: number;
  /** vCPUs and memory can change live up to these (hot-plug, balloon); at least vcpus/memoryMiB. */
  maxVcpus: number;
  maxMemoryMiB: number;
  disks: DiskDefinition[];
  nics: NicDefinition[];
  /** File the serial console is logged to (by virtlogd), if any. */
  consoleLog?: string;
  /** The domain's cloud-init seed (a CD-ROM), if it has one. */
  seed?: SeedDefinition;
}

export interface SeedDefinition {
  path: string;
  instanceId: string;
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

/** What the guest sees: a change here needs a redefine (live changes: see live-changes.ts). */
export function hardwareKey(
  d: Pick<
    DomainDefinition,
    'vcpus' | 'memoryMiB' | 'maxVcpus' | 'maxMemoryMiB' | 'disks' | 'nics' | 'seed' | 'consoleLog'
  >,
): string {
  return JSON.stringify({
    vcpus: d.vcpus,
    memoryMiB: d.memoryMiB,
    max: [d.maxVcpus, d.maxMemoryMiB],
    disks: d.disks.map((x) => [x.path, x.format, x.target]),
    nics: d.nics.map((x) => [x.switch, x.vlanId, x.mac]),
    // The seed's content changes without a power cycle (cloud-init reads it on the next boot).
    seed: d.seed?.path ?? null,
    consoleLog: d.consoleLog ?? null,
  });
}

/** Everything we define: a change here needs a redefine. */
export function definitionKey(d: Omit<DomainDefinition, 'uuid' | 'name' | 'type'>): string {
  return JSON.stringify({
    hw: hardwareKey(d),
    address: d.address,
    disks: d.disks.map((x) => [x.pool, x.volume]),
    nics: d.nics.map((x) => x.portGroup),
    instanceId: d.seed?.instanceId ?? null,
  });
}
