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
  | 'injected_fault'
  | 'internal';

export type DiskBus = 'virtio' | 'scsi' | 'sata';

export type DomainType = 'kvm' | 'qemu';

export type PowerState = 'running' | 'shutoff' | 'paused';

export type VolumeFormat = 'qcow2' | 'raw';

/**
 * PUT …/adopt: write nssv's record (libvirt <metadata>, volume record, OVS external_ids) onto an object made outside nssv, changing nothing else about it.
 */
export interface AdoptSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
}

/**
 * Where agentd listens.
 */
export interface AgentConfigListen {
  /**
   * Address to listen on.
   */
  host: string;
  /**
   * TCP port (0: any free port).
   */
  port: number;
}

/**
 * The Ceph cluster rbd pools live in, reached with the `ceph`/`rbd` CLIs with this conf file and key; absent: this host has no rbd pools.
 */
export interface AgentConfigCeph {
  /**
   * ceph.conf (mon_host, fsid).
   */
  confFile: string;
  /**
   * Keyring holding the key of `user` (mode 0600). The key itself never leaves the host's files and libvirt's secret store.
   */
  keyringFile: string;
  /**
   * Ceph client name without `client.`, e.g. "admin". It creates pools, so it needs mon 'allow *'.
   */
  user: string;
  /**
   * Run the Ceph CLIs in this network namespace (the sandbox's simulated host); absent: agentd's own.
   */
  netns?: string;
}

/**
 * VXLAN tunnel endpoint: the host's underlay address and the OVS bridge (datapath_type=netdev) that carries it. Optional: without it the host can carry vlan switches only.
 */
export interface AgentConfigTunnel {
  /**
   * The host's IPv4 underlay address.
   */
  localIp: string;
  /**
   * The OVS bridge holding the underlay address.
   */
  underlayBridge: string;
}

/**
 * Serve HTTPS with mutual TLS (what `nssv agent install` writes); absent: plain HTTP (tests only). agentd re-reads these PEM files on SIGHUP: open connections are kept, new ones use the new files.
 */
export interface AgentConfigTls {
  /**
   * The agent's certificate, signed by the installation's CA.
   */
  certFile: string;
  /**
   * Its private key (mode 0600).
   */
  keyFile: string;
  /**
   * CA certificate(s) that sign the certificates clients (nssv) must present; old + new during a CA rotation.
   */
  clientCaFile: string;
}

/**
 * agentd's configuration file (JSON), passed as `agentd --config FILE`. The sandbox writes one per simulated host; on a real host `nssv agent install` or an operator writes it.
 */
export interface AgentConfig {
  /**
   * The host's name as nssv knows it (nssv_host.name).
   */
  hostName: string;
  /**
   * Where agentd listens.
   */
  listen: AgentConfigListen;
  /**
   * File holding the bearer token (mode 0600). Never pass the token on the command line. During a rotation it holds the new and the old token, one per line; agentd re-reads it on SIGHUP.
   */
  tokenFile: string;
  /**
   * libvirt connection URI, e.g. qemu:///system?socket=/var/lib/nssv/sandbox/h1/run/libvirt/libvirt-sock
   */
  libvirtUri: string;
  /**
   * 'auto' detects; the sandbox sets 'qemu' (TCG) because KVM cannot boot guests here.
   */
  domainType: 'kvm' | 'qemu' | 'auto';
  /**
   * ovsdb-server socket of this host's Open vSwitch.
   */
  ovsDbSocket: string;
  /**
   * Directory under which dir pools live (<storageRoot>/<pool>).
   */
  storageRoot: string;
  /**
   * Agent's own state (journal, logs).
   */
  stateDir: string;
  /**
   * How long an ACPI shutdown may take before the domain is destroyed.
   */
  shutdownTimeoutMs: number;
  /**
   * The Ceph cluster rbd pools live in, reached with the `ceph`/`rbd` CLIs with this conf file and key; absent: this host has no rbd pools.
   */
  ceph?: AgentConfigCeph;
  /**
   * VXLAN tunnel endpoint: the host's underlay address and the OVS bridge (datapath_type=netdev) that carries it. Optional: without it the host can carry vlan switches only.
   */
  tunnel?: AgentConfigTunnel;
  /**
   * Serve HTTPS with mutual TLS (what `nssv agent install` writes); absent: plain HTTP (tests only). agentd re-reads these PEM files on SIGHUP: open connections are kept, new ones use the new files.
   */
  tls?: AgentConfigTls;
  /**
   * How other hosts' agents migrate domains to this host; absent: this host takes no migrations.
   */
  migration?: MigrationTarget;
}

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
  /**
   * The seed file on the host compared with what the agent last wrote: intact, missing (deleted out of band) or modified (its bytes differ). Anything but intact is drift the next put repairs.
   */
  seed: 'intact' | 'missing' | 'modified';
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
   * cloud-init user data (e.g. a #cloud-config document) on the VM's NoCloud seed (a CD-ROM). Sensitive. Changed in place: the seed is rewritten with a new instance id and cloud-init applies it on the VM's next boot, or at once when cloud_init_changes is reboot (the plan says which).
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
  /**
   * When the seed's content changes on a running domain: true restarts the domain (ACPI shutdown, then start) so cloud-init applies it now; false swaps the CD-ROM's media live so the guest's next boot reads it.
   */
  rebootOnChange: boolean;
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
   * Disk image format. Default: qcow2 in a dir pool, raw in an rbd pool (an RBD image is a raw block device; its snapshots and clones are Ceph's).
   */
  format: VolumeFormat;
  /**
   * Guest device name: vda, vdb, … in spec order.
   */
  target: string;
  /**
   * Disk controller the guest sees: virtio (vda, vdb, …), scsi (virtio-scsi: sda, sdb, …) or sata (AHCI: sda, sdb, …). virtio and scsi disks are hot-plugged; adding a sata disk restarts the VM.
   */
  bus: DiskBus;
  /**
   * Boot priority (<boot order> of the disk); null: no boot order of its own.
   */
  bootOrder: number | null;
}

/**
 * A disk of a domain: a volume of a pool on the same host.
 */
export interface DomainDiskSpec {
  /**
   * Unique name; the directory name under the agent's storage root (dir), or the Ceph pool nssv.<name> (rbd; nssv.<name>.data holds the data of an erasure-coded pool).
   */
  pool: string;
  /**
   * Unique name; the file is <name>.<format> in the pool.
   */
  volume: string;
  /**
   * Disk controller the guest sees: virtio (vda, vdb, …), scsi (virtio-scsi: sda, sdb, …) or sata (AHCI: sda, sdb, …). virtio and scsi disks are hot-plugged; adding a sata disk restarts the VM.
   */
  bus?: DiskBus;
  /**
   * Boot priority (1 boots first; set on several disks they boot in that order, disks without it do not boot). Default: the first disk boots. Changed in place: the domain is redefined and nssv restarts the VM.
   */
  bootOrder?: number | null;
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
   * The persistent definition's <on_crash> lifecycle action, e.g. 'destroy' or 'restart' (libvirt's default when absent: destroy).
   */
  onCrash?: string;
  /**
   * The file on the host the serial console is logged to.
   */
  consoleLog?: string;
  /**
   * The seed's instance id, when the domain has a seed.
   */
  cloudInit?: CloudInitInfo;
  /**
   * Addresses of the PCI devices the definition passes through (<hostdev type='pci'>), in definition order; absent when none.
   */
  pciDevices?: string[];
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
  /**
   * The NIC's IPv4 address; null: none.
   */
  ip: string | null;
  /**
   * Security groups filtering the NIC.
   */
  securityGroups: string[];
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
  /**
   * The NIC's IPv4 address: kept on the host, enforced by anti-spoofing. Omitted or null: none.
   */
  ip?: string | null;
  /**
   * Security groups (PUT /v1/security-groups/:sg) whose rules filter the NIC.
   */
  securityGroups?: string[];
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
   * libvirt's <on_crash> lifecycle action: restart (for ha_enabled VMs; the domain also gets a pvpanic device so a guest kernel panic reaches QEMU) or destroy. Default: destroy.
   */
  onCrash?: 'destroy' | 'restart';
  /**
   * A NoCloud seed attached as a CD-ROM.
   */
  cloudInit?: CloudInitSpec;
  /**
   * PCI devices of this host passed through (<hostdev managed='yes'>), by address; each must exist on the host and be used by no other domain. Default: none.
   */
  pciDevices?: string[];
}

/**
 * The host firewall as it really is.
 */
export interface FirewallInfo {
  /**
   * true when every switch has exactly the flows nssv computes for it.
   */
  inSync: boolean;
  /**
   * Filtered NICs.
   */
  ports: FirewallPortInfo[];
  /**
   * Installed flows by cookie.
   */
  flows: FlowInfo[];
}

/**
 * A VM NIC the firewall filters: found in OVS by its MAC (external_ids:attached-mac) on its switch.
 */
export interface FirewallPortInfo {
  /**
   * The NIC's switch.
   */
  switch: string;
  /**
   * The OVS port carrying the NIC's MAC; null when it is not plugged in (e.g. the domain is shut off).
   */
  port: string | null;
  /**
   * The NIC's MAC.
   */
  mac: string;
  /**
   * The NIC's address (anti-spoofing).
   */
  ip: string | null;
  /**
   * The domain.
   */
  domain: string;
  /**
   * Its security groups.
   */
  securityGroups: string[];
  /**
   * Its conntrack zone.
   */
  zone: number;
}

/**
 * Flows nssv installed on a switch, by cookie: who owns them (a rule of a security group, a NIC, the pipeline) and how many there are.
 */
export interface FlowInfo {
  /**
   * The bridge.
   */
  switch: string;
  /**
   * The OpenFlow cookie, hex.
   */
  cookie: string;
  /**
   * e.g. "nssv_security_group.web rule[0]", "nssv_vm.a nic[0]", "nssv pipeline", "default".
   */
  owner: string;
  /**
   * How many flows carry the cookie.
   */
  flows: number;
  /**
   * Packets they matched.
   */
  packets: number;
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
  /**
   * The host's VXLAN tunnel endpoint (agentd config tunnel.localIp); null when not configured.
   */
  tunnelIp: string | null;
  /**
   * How another host's agent reaches this host's libvirtd to migrate a domain here (agentd config migration).
   */
  migration?: MigrationTarget;
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
   * The format the image was imported from (an rbd store keeps it as a raw RBD image).
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
   * The image file (read-only), or rbd:<Ceph pool>/<image> for an rbd store (volumes clone its snapshot base).
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
   * Disk image format. Default: qcow2 in a dir pool, raw in an rbd pool (an RBD image is a raw block device; its snapshots and clones are Ceph's).
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
   * The store's directory (dir), or rbd:<Ceph pool> (rbd).
   */
  path: string;
  /**
   * Backend: dir (a directory of image files on every host of the cluster) or rbd (a Ceph pool, nssv-images.<name>, shared by the hosts, with the Ceph cluster's default replication): each image is an RBD image with a protected snapshot base, and volumes of rbd pools made from it are rbd clones of that snapshot (flattened for clone_mode = "full").
   */
  kind: 'dir' | 'rbd';
}

/**
 * PUT /v1/image-stores/:store: create an image store (dir: <storageRoot>/.images/<store>; rbd: the Ceph pool nssv-images.<store>) or converge its address.
 */
export interface ImageStoreSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * Backend: dir (a directory of image files on every host of the cluster) or rbd (a Ceph pool, nssv-images.<name>, shared by the hosts, with the Ceph cluster's default replication): each image is an RBD image with a protected snapshot base, and volumes of rbd pools made from it are rbd clones of that snapshot (flattened for clone_mode = "full").
   */
  kind?: 'dir' | 'rbd';
}

/**
 * The cloud-init seed written here for the domain (its CD-ROM must name this file once it runs here); null when the domain has no cloudInit.
 */
export interface IncomingResultSeed {
  /**
   * The seed file on this host.
   */
  path: string;
  /**
   * Its digest (ISO images are not byte-identical between hosts: the domain's record takes this one).
   */
  sha256: string;
}

/**
 * This host is ready to receive a domain by migration: its disks resolve here (rbd images reachable, the Ceph secret defined in libvirt) and no domain of that name exists here.
 */
export interface IncomingResult {
  /**
   * Always true: a host that is not ready answers with an error saying why.
   */
  ready: boolean;
  /**
   * The file this host keeps the domain's console output in (its serial console must log there once it runs here); null when this agent keeps no console logs.
   */
  consoleLog?: string | null;
  /**
   * The cloud-init seed written here for the domain (its CD-ROM must name this file once it runs here); null when the domain has no cloudInit.
   */
  seed?: IncomingResultSeed | null;
}

/**
 * PUT /v1/domains/:domain/incoming: ready this host to receive the domain by migration. Its disks must resolve here and no domain of that name may exist here; a domain with cloudInit gets its seed written here, the same content as on its host (it follows from its name, UUID, NICs and cloudInit).
 */
export interface IncomingSpec {
  /**
   * The migrating domain's UUID (it keeps it).
   */
  uuid: string;
  /**
   * PUT /v1/domains/:domain: define or redefine a libvirt domain, then set its power state.
   */
  domain: DomainSpec;
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
   * rbd pools of the Ceph cluster the host uses (the same on every host of it); [] without Ceph.
   */
  rbdPools: RbdPoolInfo[];
  /**
   * Volumes of every pool.
   */
  volumes: VolumeInfo[];
  /**
   * Snapshots of the volumes.
   */
  snapshots: SnapshotInfo[];
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
   * VXLAN tunnel ports of those bridges.
   */
  tunnels: TunnelInfo[];
  /**
   * Security groups recorded on the host.
   */
  securityGroups: SecurityGroupInfo[];
  /**
   * The host firewall as it really is.
   */
  firewall: FirewallInfo;
  /**
   * Image stores.
   */
  imageStores: ImageStoreInfo[];
  /**
   * Verified images of every store.
   */
  images: ImageInfo[];
  /**
   * Objects without nssv records that nssv could adopt (nssv discover).
   */
  unmanaged?: UnmanagedInfo;
  /**
   * The host's PCI devices (for nssv_vm.pci_passthrough), sorted by address; absent from agents that predate it.
   */
  pciDevices?: PciDeviceInfo[];
}

/**
 * What a migration did: the domain now runs (or is defined) on the destination with the same UUID.
 */
export interface MigrateResult {
  /**
   * The domain's UUID, the same on both hosts.
   */
  uuid: string;
  /**
   * live: the running guest moved without stopping; cold: a shut-off domain's definition moved.
   */
  mode: 'live' | 'cold';
  /**
   * How long the migration took.
   */
  durationMs: number;
  /**
   * How many local disks the migration copied (0 when all are on shared storage).
   */
  copiedDisks?: number;
}

/**
 * The domain's cloud-init seed on the destination (IncomingResult.seed): its CD-ROM names that file there and its record that digest; this host's copy is removed once the domain left.
 */
export interface MigrateSpecSeed {
  /**
   * The seed file on the destination.
   */
  path: string;
  /**
   * Its digest.
   */
  sha256: string;
}

export interface MigrateSpecCopyStorageDisks {
  /**
   * The disk's image file on this host.
   */
  source: string;
  /**
   * The precreated image file on the destination host.
   */
  destination: string;
}

/**
 * Copy the domain's local disks during a live migration (virsh migrate --copy-storage-all, or --copy-storage-inc when every local disk is a linked clone whose image the destination holds too) into volumes already created on the destination.
 */
export interface MigrateSpecCopyStorage {
  /**
   * all: every block of each local disk; incremental: only each disk's top layer (its backing image exists on the destination).
   */
  mode: 'all' | 'incremental';
  /**
   * Each local disk: its image file on this host and the precreated one on the destination.
   */
  disks: MigrateSpecCopyStorageDisks[];
}

/**
 * Move a domain of this host to another host: live when it runs (memory copied while it keeps running), cold (definition only) when it is shut off. Disks on shared storage (rbd) stay where they are; local (dir-pool) disks move only live, with copyStorage, into volumes precreated on the destination.
 */
export interface MigrateSpec {
  /**
   * The destination host's name (for messages).
   */
  host: string;
  /**
   * How another host's agent reaches this host's libvirtd to migrate a domain here (agentd config migration).
   */
  target: MigrationTarget;
  /**
   * The destination's console log file for the domain (IncomingResult.consoleLog): its serial console logs there.
   */
  consoleLog?: string;
  /**
   * The domain's cloud-init seed on the destination (IncomingResult.seed): its CD-ROM names that file there and its record that digest; this host's copy is removed once the domain left.
   */
  seed?: MigrateSpecSeed;
  /**
   * Copy the domain's local disks during a live migration (virsh migrate --copy-storage-all, or --copy-storage-inc when every local disk is a linked clone whose image the destination holds too) into volumes already created on the destination.
   */
  copyStorage?: MigrateSpecCopyStorage;
}

/**
 * How another host's agent reaches this host's libvirtd to migrate a domain here (agentd config migration).
 */
export interface MigrationTarget {
  /**
   * libvirt URI of this host as its peers open it, e.g. qemu+tls://10.0.0.12/system (the sandbox: this host's unix socket).
   */
  libvirtUri: string;
  /**
   * IPv4 address the incoming QEMU listens on for the migration stream.
   */
  address: string;
}

/**
 * A PCI device of the host, as libvirt's node device driver reports it (virsh nodedev-dumpxml), with the domains whose definition passes it through.
 */
export interface PciDeviceInfo {
  /**
   * domain:bus:slot.function in lower-case hex, e.g. 0000:65:00.0 (what nssv_vm.pci_passthrough names).
   */
  address: string;
  /**
   * PCI vendor id, e.g. 0x10de.
   */
  vendorId: string;
  /**
   * Vendor name from the PCI id database; empty when unknown.
   */
  vendor: string;
  /**
   * PCI product (device) id, e.g. 0x2330.
   */
  productId: string;
  /**
   * Product name from the PCI id database; empty when unknown.
   */
  product: string;
  /**
   * PCI class code, e.g. 0x030200 (3D controller).
   */
  class: string;
  /**
   * The host driver bound to the device (vfio-pci while a managed passthrough runs); null: none.
   */
  driver: string | null;
  /**
   * The device's IOMMU group; null when the host has no IOMMU (then it cannot be passed through).
   */
  iommuGroup: number | null;
  /**
   * Names of the domains (nssv's or not, running or not) whose definition has a <hostdev> with this address, sorted.
   */
  usedBy: string[];
}

/**
 * A dir pool as the host reports it.
 */
export interface PoolInfo {
  /**
   * Unique name; the directory name under the agent's storage root (dir), or the Ceph pool nssv.<name> (rbd; nssv.<name>.data holds the data of an erasure-coded pool).
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
  /**
   * VXLAN network identifier; null on a vlan switch.
   */
  vni: number | null;
  /**
   * The OVS access tag its ports get: vlanId on a vlan switch, a local tag per VNI on a vxlan one.
   */
  tag: number | null;
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
  /**
   * VXLAN network identifier (1–16777215) of the group's segment. Required on a switch with vxlan transport, not allowed with vlan.
   */
  vni?: number | null;
}

/**
 * k and m of the data pool's erasure-code profile, or null for a replicated pool.
 */
export interface RbdPoolInfoErasureCode {
  /**
   * Data chunks.
   */
  k: number;
  /**
   * Parity chunks.
   */
  m: number;
}

/**
 * An rbd pool as the host's Ceph cluster reports it (the same from every host of that cluster).
 */
export interface RbdPoolInfo {
  /**
   * Unique name; the directory name under the agent's storage root (dir), or the Ceph pool nssv.<name> (rbd; nssv.<name>.data holds the data of an erasure-coded pool).
   */
  name: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * The Ceph pool RBD images live in (for erasure code: their metadata), nssv.<pool>.
   */
  cephPool: string;
  /**
   * The erasure-coded data pool nssv.<pool>.data, or null for a replicated pool.
   */
  cephDataPool: string | null;
  /**
   * Copies of the replicated pool (Ceph's size), or null for erasure code.
   */
  replicas: number | null;
  /**
   * k and m of the data pool's erasure-code profile, or null for a replicated pool.
   */
  erasureCode: RbdPoolInfoErasureCode | null;
  /**
   * The CRUSH bucket type the data pool's rule spreads over ('' when the rule has no chooseleaf step).
   */
  failureDomain: string;
  /**
   * Ceph's max_bytes quota of the data-holding pool in GiB, or null for none.
   */
  quotaGiB: number | null;
  /**
   * slow, medium or fast, or a description of recovery settings changed outside nssv.
   */
  recoveryQos: string;
  /**
   * Whether volumes are allocated on first write (kept in the pool's rbd metadata).
   */
  thinProvisioning: boolean;
}

/**
 * Erasure coding instead of replicas: k data chunks plus m parity chunks.
 */
export interface RbdPoolSpecErasureCode {
  /**
   * Data chunks (2–16).
   */
  k: number;
  /**
   * Parity chunks (1–8): how many failure domains may fail without data loss.
   */
  m: number;
}

/**
 * PUT /v1/rbd-pools/:pool: create an rbd pool in the host's Ceph cluster (Ceph pool nssv.<pool>, plus nssv.<pool>.data for erasure code), or converge it (replicas, quota, recovery, metadata). Exactly one of replicas and erasureCode is set. 409 when the host has no Ceph configured or the CRUSH map has too few failure domains.
 */
export interface RbdPoolSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * rbd only: keep this many copies of every object (2–6), each in a different failure domain. Set exactly one of replicas and erasure_code for an rbd pool. Changed in place (Ceph re-replicates); the cluster needs at least this many failure domains holding OSDs.
   */
  replicas: number | null;
  /**
   * Erasure coding instead of replicas: k data chunks plus m parity chunks.
   */
  erasureCode: RbdPoolSpecErasureCode | null;
  /**
   * rbd only: the unit copies or chunks are spread over (the CRUSH failure domain of the pool's rule): host, chassis, rack or datacenter; Ceph's CRUSH map must have enough buckets of that type holding OSDs (chassis and rack buckets are the Ceph administrator's; nssv does not build the CRUSH map).
   */
  failureDomain: 'host' | 'chassis' | 'rack' | 'datacenter';
  /**
   * rbd pools: Ceph's quota on the bytes stored in the pool (its data pool for erasure code), in GiB; writes beyond it fail. Default: no quota. Changed in place. Not supported yet for dir pools.
   */
  quotaGiB: number | null;
  /**
   * rbd only: how fast data is rebuilt after a failure, as Ceph's per-pool recovery priorities: slow (recovery_priority -5, recovery_op_priority 1: favours VM I/O), medium (0, 3: Ceph's defaults), fast (5, 10: favours recovery). Changed in place.
   */
  recoveryQos: 'slow' | 'medium' | 'fast';
  /**
   * Allocate volume space on first write (true) or up front (false: fully written images in rbd pools, `rbd create --thick-provision`). Not supported yet for dir pools.
   */
  thinProvisioning: boolean;
}

/**
 * PUT /v1/pools/:pool/volumes/:volume/revert: bring the volume's data back to a snapshot; what was written since is lost (dir pools: a new overlay on the snapshot replaces the image; rbd: rbd snap rollback). 409 while a running domain uses the volume.
 */
export interface RevertSpec {
  /**
   * Unique name.
   */
  snapshot: string;
}

/**
 * A security group as the host records it.
 */
export interface SecurityGroupInfo {
  /**
   * Unique name.
   */
  name: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * The rules.
   */
  rules: SecurityRuleSpec[];
}

/**
 * PUT /v1/security-groups/:sg: a security group recorded on the host; the firewall applies it to the NICs that list it.
 */
export interface SecurityGroupSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * The rules, in configuration order.
   */
  rules: SecurityRuleSpec[];
}

/**
 * One security group rule, its peer group already resolved to addresses by the planner.
 */
export interface SecurityRuleSpec {
  /**
   * ingress: traffic to the VM's NIC; egress: traffic from it.
   */
  direction: 'ingress' | 'egress';
  /**
   * IP protocol the rule matches: tcp, udp, icmp or all.
   */
  protocol: 'tcp' | 'udp' | 'icmp' | 'all';
  /**
   * First port of the range (1–65535); tcp and udp only. Default: all ports.
   */
  portFrom: number | null;
  /**
   * Last port of the range (1–65535), at least port_from; tcp and udp only. Default: port_from.
   */
  portTo: number | null;
  /**
   * Remote IPv4 networks; null: any address; []: none (an empty peer group).
   */
  remote: string[] | null;
  /**
   * What to do with matching traffic: allow or deny.
   */
  action: 'allow' | 'deny';
  /**
   * Evaluation order (1–1000): lower numbers are checked first; the first matching rule decides.
   */
  priority: number;
}

/**
 * A snapshot of a volume as the host reports it.
 */
export interface SnapshotInfo {
  /**
   * Unique name; the directory name under the agent's storage root (dir), or the Ceph pool nssv.<name> (rbd; nssv.<name>.data holds the data of an erasure-coded pool).
   */
  pool: string;
  /**
   * Unique name; the file is <name>.<format> in the pool.
   */
  volume: string;
  /**
   * Unique name.
   */
  name: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * When the snapshot was taken (RFC 3339).
   */
  createdAt: string;
}

/**
 * PUT /v1/pools/:pool/volumes/:volume/snapshots/:snapshot: take a snapshot of the volume (dir pools: the image becomes a read-only qcow2 layer under a new overlay; rbd: rbd snap create). Idempotent: an existing snapshot only gets its address updated. 409 when a running domain holds a dir pool's image open, or the chain is full.
 */
export interface SnapshotSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
}

/**
 * LACP as OVS has it on the bond; null: off or no bond.
 */
export interface SwitchInfoLacp {
  /**
   * active: send LACP packets; passive: only answer them.
   */
  mode: 'active' | 'passive';
  /**
   * How often LACP packets are sent: fast (every second) or slow (every 30 seconds).
   */
  rate: 'fast' | 'slow';
}

export interface SwitchInfoUplinkState {
  name: string;
  /**
   * link_state up.
   */
  up: boolean;
  /**
   * Carries the traffic (active-backup) or is enabled in the bond.
   */
  active: boolean;
}

export interface SwitchInfoDetachedNics {
  domain: string;
  mac: string;
  /**
   * The tap that is not a port of the switch.
   */
  port: string;
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
  /**
   * How port groups are separated between hosts: vlan (802.1Q tags on the uplinks) or vxlan (an overlay of VXLAN tunnels between the hosts; port groups then carry a vni).
   */
  transport: 'vlan' | 'vxlan';
  /**
   * UDP port of the VXLAN tunnels.
   */
  vxlanPort: number;
  /**
   * The peers the switch was given (the tunnels really present are in Inventory.tunnels).
   */
  peers: TunnelPeer[];
  /**
   * The NICs really plugged in as the switch's uplinks (on the underlay bridge for vxlan, on the switch for vlan).
   */
  uplinks: string[];
  /**
   * The bond's mode as OVS has it; null without a bond.
   */
  bondMode: string | null;
  /**
   * LACP as OVS has it on the bond; null: off or no bond.
   */
  lacp: SwitchInfoLacp | null;
  /**
   * Each uplink's link state.
   */
  uplinkState: SwitchInfoUplinkState[];
  /**
   * NICs of running domains whose tap is missing from the switch (deleted out of band); the next PUT plugs them back.
   */
  detachedNics: SwitchInfoDetachedNics[];
}

/**
 * LACP on the bond; null or omitted: off.
 */
export interface SwitchSpecLacp {
  /**
   * active: send LACP packets; passive: only answer them.
   */
  mode: 'active' | 'passive';
  /**
   * How often LACP packets are sent: fast (every second) or slow (every 30 seconds).
   */
  rate: 'fast' | 'slow';
}

/**
 * PUT /v1/switches/:switch: an OVS bridge (datapath_type=netdev); with vxlan transport, a tunnel per peer and VXLAN port group.
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
  /**
   * How port groups are separated between hosts: vlan (802.1Q tags on the uplinks) or vxlan (an overlay of VXLAN tunnels between the hosts; port groups then carry a vni).
   */
  transport?: 'vlan' | 'vxlan';
  /**
   * UDP port of the VXLAN tunnels (vxlan transport only; IANA default 4789).
   */
  vxlanPort?: number;
  /**
   * vxlan: the other hosts of the switch (omitted: none).
   */
  peers?: TunnelPeer[];
  /**
   * Physical NICs on each host that connect the bridge to the network (at most 8). Two or more form a bond. Default: none (the switch is internal to each host, or reaches other hosts only through VXLAN). Changed in place.
   */
  uplinks?: string[];
  /**
   * How a bond of two or more uplinks shares traffic: active-backup (one NIC carries traffic, the others take over on failure), balance-slb (by source MAC and VLAN, no switch support needed) or balance-tcp (by L3/L4 hash; needs LACP). Changed in place.
   */
  bondMode?: 'active-backup' | 'balance-slb' | 'balance-tcp';
  /**
   * LACP on the bond; null or omitted: off.
   */
  lacp?: SwitchSpecLacp | null;
}

/**
 * A domain started here by an HA restart, and the Ceph clients fenced before it started.
 */
export interface TakeoverResult {
  /**
   * A libvirt domain nssv manages, as the host reports it.
   */
  domain: DomainInfo;
  /**
   * Ceph client addresses put on the OSD blocklist (the old host's QEMU, if it still had the images open).
   */
  fencedClients: string[];
}

/**
 * POST /v1/domains/:domain/takeover: start a domain on this host after the host it ran on stopped answering (an HA restart). Every other Ceph client of its rbd disks is blocklisted first (fencing the old copy), then the domain is defined here with the same UUID and powered as the spec says. Its disks must all be on shared storage (rbd).
 */
export interface TakeoverSpec {
  /**
   * The UUID the domain had on its old host (kept, so it stays the same machine).
   */
  uuid: string;
  /**
   * PUT /v1/domains/:domain: define or redefine a libvirt domain, then set its power state.
   */
  domain: DomainSpec;
}

export interface TestFaultInfoInjected {
  /**
   * Which mutating request it was (1 = the first after arming).
   */
  request: number;
  method: string;
  path: string;
}

/**
 * GET and PUT /v1/test/faults: the armed fault and what was counted since it was armed.
 */
export interface TestFaultInfo {
  /**
   * The armed fault (null: none armed, or it has fired).
   */
  failMutatingRequest: number | null;
  /**
   * Mutating requests (PUT or DELETE) received since the fault was last armed, the failed one included.
   */
  mutatingRequests: number;
  /**
   * Faults injected since agentd started, oldest first.
   */
  injected: TestFaultInfoInjected[];
}

/**
 * PUT /v1/test/faults (only on an agent started with NSSV_AGENT_TEST_FAULTS=1 on a loopback address): arms a one-shot fault and restarts the count of mutating requests.
 */
export interface TestFaultSpec {
  /**
   * The Nth mutating request (PUT or DELETE) from now fails with 500 injected_fault before it changes anything; null disarms.
   */
  failMutatingRequest: number | null;
}

/**
 * A deleted volume, VM or image kept in a trash, restorable (a volume with its data, a VM as its libvirt definition with its UUID, an image with its content and record) until purged.
 */
export interface TrashEntry {
  /**
   * <pool>.<id> for a volume, domain.<id> for a VM, <image store>.<id> for an image: unique on the host (dir) or in the Ceph cluster (rbd).
   */
  id: string;
  /**
   * dir: the host's trash (dir pools' volumes, VMs' definitions, dir image stores' images); rbd: the Ceph pool's rbd trash (shared by the hosts of the cluster).
   */
  store: 'dir' | 'rbd';
  /**
   * A volume's entry: its pool.
   */
  pool?: string;
  /**
   * A volume's entry: its name.
   */
  volume?: string;
  /**
   * A VM's entry: its libvirt domain name (no pool, volume or size then).
   */
  domain?: string;
  /**
   * An image's entry: its image store.
   */
  imageStore?: string;
  /**
   * An image's entry: its name.
   */
  image?: string;
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * A volume's virtual size in GiB.
   */
  sizeGiB?: number;
  /**
   * When it was moved to the trash (RFC 3339).
   */
  deletedAt: string;
  /**
   * When it is purged (RFC 3339); null: never by itself.
   */
  expiresAt: string | null;
  /**
   * An rbd entry whose pool (or image store) was deleted: its Ceph pool is kept until its last entry is purged; declare the pool again and apply before restoring. Absent otherwise.
   */
  poolDeleted?: boolean;
}

/**
 * GET /v1/trash: the host's trash and the rbd trash of the Ceph pools it reaches, expired entries purged first.
 */
export interface TrashList {
  entries: TrashEntry[];
}

/**
 * PUT /v1/pools/:pool/volumes/:volume/trash: move the volume, with its snapshots, to the trash (dir pools: the host's trash directory; rbd: rbd trash mv) instead of deleting it. 409 while a domain uses it. PUT /v1/domains/:domain/trash: stop the domain and keep its definition (with its nssv metadata and UUID) and cloud-init seed in the host's trash, then undefine it. PUT /v1/image-stores/:store/images/:image/trash: move the image (file and record; rbd: the RBD image, its base snapshot dropped, made again on restore) to the trash; 409 while volumes are linked clones of it.
 */
export interface TrashSpec {
  /**
   * The nssv address of the resource the object realises, e.g. nssv_vm.web[0]; kept on the host (libvirt metadata, OVS external_ids, volume records).
   */
  address: string;
  /**
   * When the agent may purge it (RFC 3339); null: kept until purged or restored.
   */
  expiresAt: string | null;
}

/**
 * A VXLAN tunnel port as Open vSwitch really has it.
 */
export interface TunnelInfo {
  /**
   * The integration bridge.
   */
  switch: string;
  /**
   * The OVS port.
   */
  port: string;
  /**
   * The peer host (external_ids:nssv-peer).
   */
  peer: string;
  /**
   * options:remote_ip.
   */
  remoteIp: string;
  /**
   * options:key.
   */
  vni: number;
  /**
   * The local tag of the VNI.
   */
  tag: number | null;
  /**
   * false when ovs-vswitchd reports an error for it or gave it no OpenFlow port.
   */
  up: boolean;
}

/**
 * Another host of a VXLAN switch: its name and its tunnel endpoint (underlay) address.
 */
export interface TunnelPeer {
  /**
   * The host's name; must equal the hostName in its agentd configuration.
   */
  host: string;
  /**
   * The peer's tunnel endpoint (its agentd config tunnel.localIp).
   */
  ip: string;
}

export interface UnmanagedDomainInfoNics {
  /**
   * The bridge the NIC is on ('' when it is not on a bridge).
   */
  switch: string;
  /**
   * The NIC's MAC address.
   */
  mac: string;
}

/**
 * A libvirt domain nssv does not manage, as the host reports it.
 */
export interface UnmanagedDomainInfo {
  /**
   * Unique name; also the libvirt domain name.
   */
  name: string;
  /**
   * libvirt's UUID (adoption keeps it).
   */
  uuid: string;
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
   * Disks in guest order; pool and volume are '' for an image outside nssv's dir pools.
   */
  disks: DomainDiskInfo[];
  /**
   * NICs in guest order.
   */
  nics: UnmanagedDomainInfoNics[];
  /**
   * libvirt's state word, e.g. 'running', 'shut off', 'paused'.
   */
  state: string;
  /**
   * running, shutoff (ACPI shutdown, forced off after the agent's shutdown timeout) or paused (the guest's vCPUs stopped, its memory kept). Changed in place.
   */
  powerState: PowerState;
}

/**
 * Objects on the host that carry no nssv record (made by hand with virsh, qemu-img, ovs-vsctl), with names nssv can manage: what `nssv discover` offers to adopt.
 */
export interface UnmanagedInfo {
  /**
   * libvirt domains without nssv's <metadata>.
   */
  domains: UnmanagedDomainInfo[];
  /**
   * Image files (<name>.qcow2 or <name>.raw) in nssv's dir pools without a volume record.
   */
  volumes: UnmanagedVolumeInfo[];
  /**
   * OVS bridges without nssv's external_ids.
   */
  switches: UnmanagedSwitchInfo[];
}

/**
 * An OVS bridge nssv does not manage.
 */
export interface UnmanagedSwitchInfo {
  /**
   * Bridge name on every host: lower-case letters, digits and '-', starting with a letter, at most 15 characters (a Linux interface name).
   */
  name: string;
  /**
   * The bridge's MTU (mtu_request of its own interface; 1500 when unset).
   */
  mtu: number;
  /**
   * Ports other than the bridge's own (adopting a bridge with ports is not supported yet).
   */
  ports: string[];
}

/**
 * An image file in one of nssv's dir pools that has no volume record.
 */
export interface UnmanagedVolumeInfo {
  /**
   * Unique name; the directory name under the agent's storage root (dir), or the Ceph pool nssv.<name> (rbd; nssv.<name>.data holds the data of an erasure-coded pool).
   */
  pool: string;
  /**
   * Unique name; the file is <name>.<format> in the pool.
   */
  name: string;
  /**
   * Disk image format. Default: qcow2 in a dir pool, raw in an rbd pool (an RBD image is a raw block device; its snapshots and clones are Ceph's).
   */
  format: VolumeFormat;
  /**
   * Virtual size in GiB (nssv volumes are whole GiB).
   */
  sizeGiB: number;
  /**
   * The image file.
   */
  path: string;
  /**
   * The backing file of a qcow2 overlay (such a file cannot be adopted yet).
   */
  backingFile?: string;
  /**
   * Bytes the image uses on disk.
   */
  allocatedBytes: number;
}

/**
 * A volume as the host reports it.
 */
export interface VolumeInfo {
  /**
   * Unique name; the directory name under the agent's storage root (dir), or the Ceph pool nssv.<name> (rbd; nssv.<name>.data holds the data of an erasure-coded pool).
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
   * Disk image format. Default: qcow2 in a dir pool, raw in an rbd pool (an RBD image is a raw block device; its snapshots and clones are Ceph's).
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
   * How a volume with a source is made: linked (a copy-on-write child: a qcow2 overlay on the image or snapshot in a dir pool, format qcow2; an rbd clone of the protected snapshot in an rbd pool), full (an independent copy: qemu-img convert to the volume's format, or rbd clone then flatten), or rapid (from an image: linked at once, then flattened in the background, clone_state shows the progress; from a snapshot it is a full copy). Ignored without a source.
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
   * How a volume with a source is made: linked (a copy-on-write child: a qcow2 overlay on the image or snapshot in a dir pool, format qcow2; an rbd clone of the protected snapshot in an rbd pool), full (an independent copy: qemu-img convert to the volume's format, or rbd clone then flatten), or rapid (from an image: linked at once, then flattened in the background, clone_state shows the progress; from a snapshot it is a full copy). Ignored without a source.
   */
  cloneMode: 'linked' | 'full' | 'rapid';
}

/**
 * Create the volume from a snapshot of another volume of the same pool: linked (dir: a qcow2 overlay on the snapshot; rbd: rbd clone of the protected snapshot) or full/rapid (dir: qemu-img convert; rbd: clone then flatten). Only used when the volume is created.
 */
export interface VolumeSpecFromSnapshot {
  /**
   * Unique name; the file is <name>.<format> in the pool.
   */
  volume: string;
  /**
   * Unique name.
   */
  snapshot: string;
  /**
   * How a volume with a source is made: linked (a copy-on-write child: a qcow2 overlay on the image or snapshot in a dir pool, format qcow2; an rbd clone of the protected snapshot in an rbd pool), full (an independent copy: qemu-img convert to the volume's format, or rbd clone then flatten), or rapid (from an image: linked at once, then flattened in the background, clone_state shows the progress; from a snapshot it is a full copy). Ignored without a source.
   */
  mode: 'linked' | 'full' | 'rapid';
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
   * Disk image format. Default: qcow2 in a dir pool, raw in an rbd pool (an RBD image is a raw block device; its snapshots and clones are Ceph's).
   */
  format: VolumeFormat;
  /**
   * Make the new volume from an image of a store on this host.
   */
  source?: VolumeSourceSpec;
  /**
   * Create the volume from a snapshot of another volume of the same pool: linked (dir: a qcow2 overlay on the snapshot; rbd: rbd clone of the protected snapshot) or full/rapid (dir: qemu-img convert; rbd: clone then flatten). Only used when the volume is created.
   */
  fromSnapshot?: VolumeSpecFromSnapshot | null;
}

/**
 * Where an Inventory carries usage figures that change on their own (x-nssv-volatile): left
 * out of its entity tag. `*` is every item of an array.
 */
export const INVENTORY_VOLATILE_PATHS: readonly (readonly string[])[] = [
  ['pools', '*', 'availableBytes'],
  ['volumes', '*', 'allocatedBytes'],
  ['firewall', 'flows', '*', 'packets'],
  ['unmanaged', 'volumes', '*', 'allocatedBytes'],
];
