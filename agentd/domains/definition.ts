import type {
  DiskBus,
  DomainDiskInfo,
  DomainInfo,
  DomainNicInfo,
  DomainType,
} from '../../schemas/generated/agentApi.js';

/**
 * Everything nssv puts into a libvirt domain definition: what the agent API reports for a
 * domain (schemas/agent-api/domain-info.schema.json) without the runtime state, plus the
 * libvirt domain type. `tags` is left out when there are none; `seed` is the cloud-init
 * CD-ROM (its path and the instance id its content yields).
 */
export type DomainDefinition = Omit<DomainInfo, 'state' | 'powerState' | 'tags' | 'disks' | 'cloudInit'> & {
  type: DomainType;
  disks: DiskDefinition[];
  tags?: DomainInfo['tags'];
  seed?: SeedDefinition;
};

/** A disk; `rbd` when its volume is an RBD image (rendered as a network disk). */
export type DiskDefinition = DomainDiskInfo & { rbd?: RbdSource };

/** Where QEMU finds an RBD image and how it authenticates (the key stays in libvirt's secret). */
export interface RbdSource {
  /** <ceph pool>/<image> */
  name: string;
  hosts: { name: string; port: number }[];
  user: string;
  secretUuid: string;
}

export interface SeedDefinition {
  path: string;
  instanceId: string;
  /** sha256 of the ISO the agent wrote, to tell a seed changed out of band (absent: written before nssv kept it). */
  sha256?: string;
}
export type NicDefinition = DomainNicInfo;

export const NSSV_XMLNS = 'https://nssv.dev/xmlns/1';

/** The guest device of the cloud-init seed's CD-ROM (IDE: present on every machine type's board). */
export const SEED_TARGET = 'hdc';

/**
 * Guest device names in spec order, counted per name prefix: virtio disks are vda, vdb, …;
 * scsi and sata disks share sda, sdb, … (libvirt names both buses' disks sd*).
 */
export function diskTargets(buses: readonly DiskBus[]): string[] {
  const next = { vd: 0, sd: 0 };
  return buses.map((bus) => {
    const prefix = bus === 'virtio' ? 'vd' : 'sd';
    return `${prefix}${diskTarget(next[prefix]++).slice(2)}`;
  });
}

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
    | 'vcpus'
    | 'memoryMiB'
    | 'maxVcpus'
    | 'maxMemoryMiB'
    | 'disks'
    | 'nics'
    | 'seed'
    | 'consoleLog'
    | 'pciDevices'
  >,
): string {
  return JSON.stringify({
    vcpus: d.vcpus,
    memoryMiB: d.memoryMiB,
    max: [d.maxVcpus, d.maxMemoryMiB],
    disks: d.disks.map((x) => [x.path, x.format, x.target, x.bus, x.bootOrder]),
    nics: d.nics.map((x) => [x.switch, x.vlanId, x.mac]),
    // The seed's content changes without a power cycle (cloud-init reads it on the next boot).
    seed: d.seed?.path ?? null,
    consoleLog: d.consoleLog ?? null,
    pciDevices: d.pciDevices ?? [],
  });
}

/** Everything we define: a change here needs a redefine. */
export function definitionKey(d: Omit<DomainDefinition, 'uuid' | 'name' | 'type'>): string {
  return JSON.stringify({
    hw: hardwareKey(d),
    address: d.address,
    tags: Object.entries(d.tags ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)),
    disks: d.disks.map((x) => [x.pool, x.volume]),
    nics: d.nics.map((x) => [x.portGroup, x.ip, x.securityGroups]),
    instanceId: d.seed?.instanceId ?? null,
    seedSha256: d.seed?.sha256 ?? null,
    onCrash: d.onCrash ?? 'destroy',
  });
}
