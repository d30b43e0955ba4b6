// Generated from schemas/agent-api/*.schema.json by schemas/gen/main.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

export type AgentErrorCode =
  | 'unauthorized'
  | 'invalid_request'
  | 'invalid_name'
  | 'not_found'
  | 'conflict'
  | 'checksum_mismatch'
  | 'tool_failed'
  | 'internal';

export type DomainType = 'kvm' | 'qemu';

export type PowerState = 'running' | 'shutoff' | 'paused';

export type VolumeFormat = 'qcow2' | 'raw';

/**
 * What went wrong.
 */
export interface AgentErrorBodyError {
  /**
   * Stable error code.
   */
  code: AgentErrorCode;
  /**
   * What went wrong, the value given, what is allowed and the fix.
   */
  message: string;
  /**
   * More detail, e.g. a tool's stderr.
   */
  detail?: string;
}

/**
 * The body of every 4xx/5xx answer.
 */
export interface AgentErrorBody {
  /**
   * What went wrong.
   */
  error: AgentErrorBodyError;
}

/**
 * A domain's NoCloud seed as the host reports it (DomainInfo.cloudInit).
 */
export interface CloudInitInfo {
  /**
   * Changes whenever the seed's content does.
   */
  instanceId: string;
}

/**
 * What cloud-init's network config says about one NIC: a fixed address, or DHCP when address is null.
 */
export interface CloudInitNic {
  /**
   * Address with prefix length; null: DHCP.
   */
  address: string | null;
  /**
   * Default gateway.
   */
  gateway: string | null;
  /**
   * DNS servers handed to VMs (at most 3). Changed in place.
   */
  dnsServers: string[];
  /**
   * DNS search domain.
   */
  dnsDomain: string | null;
}

/**
 * DomainSpec.cloudInit: the NoCloud seed (an ISO labelled cidata, attached as a CD-ROM) the agent writes for the domain. Its instance id is derived from its content, so any change is a new instance for cloud-init on the next boot. User data and keys are secrets: never logged or echoed.
 */
export interface CloudInitSpec {
  /**
   * cloud-init user data (e.g. a #cloud-config document) on the VM's NoCloud seed (a CD-ROM). Sensitive. Changed in place: the seed is rewritten with a new instance id and cloud-init applies it on the VM's next boot (the plan says so; the VM is not restarted).
   */
  userData: string | null;
  /**
   * SSH public keys cloud-init installs for the image's default user (on the NoCloud seed). Sensitive. Changed in place: takes effect on the VM's next boot.
   */
  sshAuthorizedKeys: string[];
  /**
   * One entry per NIC of the domain, in order.
   */
  nics: CloudInitNic[];
}

/**
 * GET /v1/domains/:domain/console-log: the end of the file the domain's serial console is logged to.
 */
export interface ConsoleLogInfo {
  domain: string;
  /**
   * The log file on the host.
   */
  path: string;
  /**
   * The last 256 KiB at most.
   */
  text: string;
  /**
   * true when the log is longer than text.
   */
  truncated: boolean;
}

/**
 * What a DELETE did.
 */
export interface DeleteResult {
  /**
   * false when the object was already gone (DELETE is idempotent).
   */
  deleted: boolean;
}

/**
 * A disk of a domain as the host reports it.
 */
export interface DomainDiskInfo {
  /**
   * The pool of the volume ('' when the image is not one of the agent's volumes).
   */
  pool: string;
  /**
   * The volume ('' when the image is not one of the agent's volumes).
   */
  volume: string;
  /**
   * The image file.
   */
  path: string;
  /**
   * Disk image format.
   */
  format: VolumeFormat;
  /**
   * Guest device name: vda, vdb, … in spec order.
   */
  target: string;
}

/**
 * A disk of a domain: a volume of a pool on the same host.
 */
export interface DomainDiskSpec {
  /**
   * Unique name; also the directory name under the agent's storage root.
   */
  pool: string;
  /**
   * Unique name; the file is <name>.<format> in the pool.
   */
  volume: string;
}

/**
 * A libvirt domain nssv manages, as the host reports it.
 */
export interface DomainInfo {
  /**
   * The libvirt domain name.
   */
  name: string;
  /**
   * libvirt's UUID; unchanged by redefinition.
   */
  uuid: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * Virtual CPUs.
   */
  vcpus: number;
  /**
   * Memory in MiB.
   */
  memoryMiB: number;
  /**
   * vCPU hot-plug limit.
   */
  maxVcpus: number;
  /**
   * Memory balloon limit in MiB.
   */
  maxMemoryMiB: number;
  /**
   * Disks in guest order.
   */
  disks: DomainDiskInfo[];
  /**
   * NICs in guest order.
   */
  nics: DomainNicInfo[];
  /**
   * The tags kept in the domain's nssv metadata.
   */
  tags: Record<string, string>;
  /**
   * libvirt's state word, e.g. 'running', 'shut off', 'paused'.
   */
  state: string;
  /**
   * running, shutoff (ACPI shutdown, forced off after the agent's shutdown timeout) or paused (the guest's vCPUs stopped, its memory kept). Changed in place.
   */
  powerState: PowerState;
  /**
   * The file on the host the serial console is logged to.
   */
  consoleLog?: string;
  /**
   * The seed's instance id, when the domain has a seed.
   */
  cloudInit?: CloudInitInfo;
}

/**
 * A NIC of a domain as the host reports it.
 */
export interface DomainNicInfo {
  /**
   * The OVS bridge.
   */
  switch: string;
  /**
   * The port group ('' when the domain's metadata does not say).
   */
  portGroup: string;
  /**
   * The port's VLAN tag; null: untagged.
   */
  vlanId: number | null;
  /**
   * MAC address in lower case.
   */
  mac: string;
}

/**
 * A NIC of a domain: a port on a port group of a switch on the same host.
 */
export interface DomainNicSpec {
  /**
   * Bridge name on every host: lower-case letters, digits and '-', starting with a letter, at most 15 characters (a Linux interface name).
   */
  switch: string;
  /**
   * Unique name.
   */
  portGroup: string;
  /**
   * Omitted or null: the agent derives a stable MAC (52:54:00:…) from the domain name and NIC index.
   */
  mac?: string | null;
}

/**
 * PUT /v1/domains/:domain: define or redefine a libvirt domain, then set its power state.
 */
export interface DomainSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * Virtual CPUs (1–64). Changed live (hot-plug) up to max_vcpus; beyond it, with a reboot.
   */
  vcpus: number;
  /**
   * Memory in MiB (64–1048576). Changed live (balloon) up to max_memory_mib; beyond it, with a reboot.
   */
  memoryMiB: number;
  /**
   * vCPUs can be hot-plugged up to this. Default: vcpus.
   */
  maxVcpus?: number;
  /**
   * Memory can be ballooned up to this. Default: memoryMiB.
   */
  maxMemoryMiB?: number;
  /**
   * Disks in guest order (vda, vdb, …).
   */
  disks: DomainDiskSpec[];
  /**
   * NICs in guest order.
   */
  nics: DomainNicSpec[];
  /**
   * running, shutoff (ACPI shutdown, forced off after the agent's shutdown timeout) or paused (the guest's vCPUs stopped, its memory kept). Changed in place.
   */
  powerState: PowerState;
  /**
   * Free-form key/value tags kept in the domain's metadata. Changed in place.
   */
  tags?: Record<string, string>;
  /**
   * A NoCloud seed attached as a CD-ROM.
   */
  cloudInit?: CloudInitSpec;
}

/**
 * GET /v1/health: who answers.
 */
export interface HealthInfo {
  /**
   * The host name agentd is configured with (nssv_host.name).
   */
  host: string;
  /**
   * agentd's version.
   */
  agentVersion: string;
}

/**
 * What the scheduler needs to know about a host, reported by its agent.
 */
export interface HostFacts {
  /**
   * The host name agentd is configured with.
   */
  name: string;
  /**
   * agentd's version.
   */
  agentVersion: string;
  /**
   * libvirt domain type the host runs guests with: kvm, or qemu (TCG) where KVM is unavailable.
   */
  readonly domainType: DomainType;
  /**
   * Physical CPUs the agent reports.
   */
  readonly cpus: number;
  /**
   * Physical memory the agent reports, in MiB.
   */
  readonly memoryMiB: number;
}

/**
 * A verified image as the host reports it.
 */
export interface ImageInfo {
  /**
   * Unique name; also the directory name (dir) or Ceph pool name (rbd).
   */
  store: string;
  /**
   * Unique name.
   */
  name: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * Where it was imported from.
   */
  source: string;
  /**
   * Disk image format.
   */
  format: VolumeFormat;
  /**
   * SHA-256 of the file as imported.
   */
  sha256: string;
  /**
   * Size of the image file.
   */
  sizeBytes: number;
  /**
   * Virtual disk size.
   */
  virtualSizeBytes: number;
  /**
   * The image file (read-only).
   */
  path: string;
}

/**
 * PUT /v1/image-stores/:store/images/:image: import an image once; its sha256 and format are verified before it becomes usable (a mismatch is 422 checksum_mismatch and keeps nothing).
 */
export interface ImageSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * Where to import the image from: an http(s) URL or an absolute file path on the hosts.
   */
  source: string;
  /**
   * Disk image format.
   */
  format: VolumeFormat;
  /**
   * SHA-256 checksum of the source file; the import fails, keeping nothing, if the file differs. Required for http(s) sources; without it a local file's digest is recorded unchecked.
   */
  sha256: string | null;
}

/**
 * An image store as the host reports it.
 */
export interface ImageStoreInfo {
  /**
   * Unique name; also the directory name (dir) or Ceph pool name (rbd).
   */
  name: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * The store's directory.
   */
  path: string;
}

/**
 * PUT /v1/image-stores/:store: create a dir image store (<storageRoot>/.images/<store>) or converge its address.
 */
export interface ImageStoreSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
}

/**
 * GET /v1/inventory: everything nssv manages on the host, read from the host itself (no state file).
 */
export interface Inventory {
  /**
   * What the scheduler needs to know about a host, reported by its agent.
   */
  host: HostFacts;
  /**
   * Dir pools.
   */
  pools: PoolInfo[];
  /**
   * Volumes of every pool.
   */
  volumes: VolumeInfo[];
  /**
   * OVS bridges nssv manages.
   */
  switches: SwitchInfo[];
  /**
   * Port groups of those bridges.
   */
  portGroups: PortGroupInfo[];
  /**
   * Domains nssv manages.
   */
  domains: DomainInfo[];
  /**
   * Image stores.
   */
  imageStores: ImageStoreInfo[];
  /**
   * Verified images of every store.
   */
  images: ImageInfo[];
}

/**
 * A dir pool as the host reports it.
 */
export interface PoolInfo {
  /**
   * Unique name; also the directory name under the agent's storage root.
   */
  name: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * The pool's directory.
   */
  path: string;
  /**
   * Size of the filesystem holding the pool.
   */
  capacityBytes: number;
  /**
   * Free space on that filesystem.
   */
  availableBytes: number;
}

/**
 * PUT /v1/pools/:pool: a dir pool (a directory under the agent's storage root).
 */
export interface PoolSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
}

/**
 * A port group as the host reports it.
 */
export interface PortGroupInfo {
  /**
   * Bridge name on every host: lower-case letters, digits and '-', starting with a letter, at most 15 characters (a Linux interface name).
   */
  switch: string;
  /**
   * Unique name.
   */
  name: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * 802.1Q VLAN tag of the group's ports (1–4094); null for untagged.
   */
  vlanId: number | null;
}

/**
 * PUT /v1/switches/:switch/port-groups/:pg: a port group recorded on the bridge; VM ports take its VLAN tag.
 */
export interface PortGroupSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * 802.1Q VLAN tag of the group's ports (1–4094); null for untagged.
   */
  vlanId: number | null;
}

/**
 * An OVS bridge as the host reports it.
 */
export interface SwitchInfo {
  /**
   * Bridge name on every host: lower-case letters, digits and '-', starting with a letter, at most 15 characters (a Linux interface name).
   */
  name: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * The bridge's MTU.
   */
  mtu: number;
}

/**
 * PUT /v1/switches/:switch: an OVS bridge (datapath_type=netdev).
 */
export interface SwitchSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * MTU of the bridge and its ports (1280–9000).
   */
  mtu: number;
}

/**
 * A volume as the host reports it.
 */
export interface VolumeInfo {
  /**
   * Unique name; also the directory name under the agent's storage root.
   */
  pool: string;
  /**
   * Unique name; the file is <name>.<format> in the pool.
   */
  name: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * Disk image format.
   */
  format: VolumeFormat;
  /**
   * Virtual size in GiB.
   */
  sizeGiB: number;
  /**
   * The image file.
   */
  path: string;
  /**
   * Bytes the image uses on disk.
   */
  allocatedBytes: number;
  /**
   * The image the volume was made from; absent for an empty volume.
   */
  source?: VolumeSourceInfo;
}

/**
 * The image a volume was made from, and whether it still reads through to it (VolumeInfo.source).
 */
export interface VolumeSourceInfo {
  store: string;
  image: string;
  /**
   * How a volume with a source is made: linked (a copy-on-write qcow2 overlay backed by the image; format must be qcow2), full (an independent copy, converted to the volume's format), or rapid (linked at once, then flattened into an independent copy in the background; clone_state shows the progress). Ignored without a source.
   */
  cloneMode: 'linked' | 'full' | 'rapid';
  /**
   * linked: backed by the image; flattening: a rapid clone being copied; independent: no backing file.
   */
  state: 'linked' | 'flattening' | 'independent';
}

/**
 * The image a new volume is made from, and how (VolumeSpec.source).
 */
export interface VolumeSourceSpec {
  /**
   * Unique name; also the directory name (dir) or Ceph pool name (rbd).
   */
  store: string;
  /**
   * Unique name.
   */
  image: string;
  /**
   * How a volume with a source is made: linked (a copy-on-write qcow2 overlay backed by the image; format must be qcow2), full (an independent copy, converted to the volume's format), or rapid (linked at once, then flattened into an independent copy in the background; clone_state shows the progress). Ignored without a source.
   */
  cloneMode: 'linked' | 'full' | 'rapid';
}

/**
 * PUT /v1/pools/:pool/volumes/:volume: create a volume, or grow it in place when sizeGiB grows.
 */
export interface VolumeSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * Virtual size in GiB. Growing is done in place; shrinking is refused.
   */
  sizeGiB: number;
  /**
   * Disk image format.
   */
  format: VolumeFormat;
  /**
   * Make the new volume from an image of a store on this host.
   */
  source?: VolumeSourceSpec;
}
