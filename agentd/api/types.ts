/**
 * The agentd HTTP API contract, shared by agentd (server) and provider/agent (client).
 *
 * Transport: HTTP/1.1, JSON bodies, `Authorization: Bearer <token>` on every request
 * (anything else: 401 and nothing changes). Every mutating call is idempotent: PUT creates or
 * converges an object to the given spec, DELETE removes it and succeeds when it is already gone.
 * Every managed object carries its nssv address (`nssv_vm.web[0]`) on the host: libvirt
 * <metadata>, OVS external_ids, and a sidecar record for volumes, so `GET /v1/inventory`
 * rebuilds everything without a state file.
 *
 * Routes (names are validated by agentd: /^[a-z][a-z0-9-]{0,62}$/, bridges at most 15 chars):
 *   GET    /v1/health                                  -> HealthInfo
 *   GET    /v1/inventory                               -> Inventory
 *   PUT    /v1/pools/:pool              PoolSpec       -> PoolInfo
 *   DELETE /v1/pools/:pool                             -> DeleteResult (refuses 409 if volumes remain)
 *   PUT    /v1/pools/:pool/volumes/:volume VolumeSpec  -> VolumeInfo (grow in place if sizeGiB grows)
 *   DELETE /v1/pools/:pool/volumes/:volume             -> DeleteResult (409 while a domain uses it)
 *   PUT    /v1/switches/:switch         SwitchSpec     -> SwitchInfo (OVS bridge, datapath_type=netdev)
 *   DELETE /v1/switches/:switch                        -> DeleteResult
 *   PUT    /v1/switches/:switch/port-groups/:pg PortGroupSpec -> PortGroupInfo
 *   DELETE /v1/switches/:switch/port-groups/:pg        -> DeleteResult
 *   PUT    /v1/domains/:domain          DomainSpec     -> DomainInfo (define or redefine, then power)
 *   DELETE /v1/domains/:domain                         -> DeleteResult (ACPI shutdown, destroy after timeout, undefine)
 *   GET    /metrics                                    -> Prometheus text (also authenticated)
 * Errors: HTTP 4xx/5xx with body AgentErrorBody.
 */

import type { CloudInitInfo, CloudInitSpec } from './cloud-init.js';
import type { ImageInfo, ImageStoreInfo, VolumeSourceInfo, VolumeSourceSpec } from './images.js';

export type VolumeFormat = 'qcow2' | 'raw';
export type PowerState = 'running' | 'shutoff';

export interface HealthInfo {
  host: string;
  agentVersion: string;
}

export interface HostFacts {
  name: string;
  agentVersion: string;
  /** libvirt domain type this host uses: 'kvm' on real hardware, 'qemu' (TCG) where KVM does not work. */
  domainType: 'kvm' | 'qemu';
  cpus: number;
  memoryMiB: number;
}

export interface PoolSpec {
  address: string;
}
export interface PoolInfo {
  name: string;
  address: string;
  path: string;
  capacityBytes: number;
  availableBytes: number;
}

export interface VolumeSpec {
  address: string;
  sizeGiB: number;
  format: VolumeFormat;
  /** Create the volume from an image of a store on this host (see api/images.ts). */
  source?: VolumeSourceSpec;
}
export interface VolumeInfo {
  pool: string;
  name: string;
  address: string;
  format: VolumeFormat;
  sizeGiB: number;
  path: string;
  allocatedBytes: number;
  /** The image the volume was made from, and whether it still reads through to it. */
  source?: VolumeSourceInfo;
}

export interface SwitchSpec {
  address: string;
  mtu: number;
}
export interface SwitchInfo {
  name: string;
  address: string;
  mtu: number;
}

export interface PortGroupSpec {
  address: string;
  vlanId: number | null;
}
export interface PortGroupInfo {
  switch: string;
  name: string;
  address: string;
  vlanId: number | null;
}

export interface DomainDiskSpec {
  pool: string;
  volume: string;
}
export interface DomainNicSpec {
  switch: string;
  portGroup: string;
  /** Omitted: the agent derives a stable MAC (52:54:00:…) from the domain name and NIC index. */
  mac?: string;
}
export interface DomainSpec {
  address: string;
  vcpus: number;
  memoryMiB: number;
  /** Live vCPU hot-plug and memory ballooning go up to these. Default: vcpus, memoryMiB. */
  maxVcpus?: number;
  maxMemoryMiB?: number;
  disks: DomainDiskSpec[];
  nics: DomainNicSpec[];
  powerState: PowerState;
  /** A NoCloud seed attached as a CD-ROM (see api/cloud-init.ts). */
  cloudInit?: CloudInitSpec;
}
export interface DomainDiskInfo extends DomainDiskSpec {
  path: string;
  format: VolumeFormat;
  /** Guest device name: vda, vdb, … in spec order. */
  target: string;
}
export interface DomainNicInfo {
  switch: string;
  portGroup: string;
  vlanId: number | null;
  mac: string;
}
export interface DomainInfo {
  name: string;
  uuid: string;
  address: string;
  vcpus: number;
  memoryMiB: number;
  maxVcpus: number;
  maxMemoryMiB: number;
  /** The file on the host its serial console is logged to. */
  consoleLog?: string;
  disks: DomainDiskInfo[];
  nics: DomainNicInfo[];
  /** libvirt's state word, e.g. 'running', 'shut off', 'paused'. */
  state: string;
  powerState: PowerState;
  cloudInit?: CloudInitInfo;
}

export interface DeleteResult {
  deleted: boolean;
}

export interface Inventory {
  host: HostFacts;
  pools: PoolInfo[];
  volumes: VolumeInfo[];
  switches: SwitchInfo[];
  portGroups: PortGroupInfo[];
  domains: DomainInfo[];
  imageStores: ImageStoreInfo[];
  images: ImageInfo[];
}

/** Stable error codes agentd returns. */
export type AgentErrorCode =
  | 'unauthorized'
  | 'invalid_request'
  | 'invalid_name'
  | 'not_found'
  | 'conflict'
  | 'checksum_mismatch'
  | 'tool_failed'
  | 'internal';

export interface AgentErrorBody {
  error: { code: AgentErrorCode; message: string; detail?: string };
}
