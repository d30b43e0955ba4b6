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
  /** The host's VXLAN tunnel endpoint (agentd config tunnel.localIp); null when not configured. */
  tunnelIp: string | null;
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
}
export interface VolumeInfo {
  pool: string;
  name: string;
  address: string;
  format: VolumeFormat;
  sizeGiB: number;
  path: string;
  allocatedBytes: number;
}

export type Transport = 'vlan' | 'vxlan';

/** Another host of a VXLAN switch: its name and its tunnel endpoint (underlay) address. */
export interface TunnelPeer {
  host: string;
  ip: string;
}

export interface SwitchSpec {
  address: string;
  mtu: number;
  /** Default 'vlan'. */
  transport?: Transport;
  /** VXLAN UDP port; default 4789. */
  vxlanPort?: number;
  /** vxlan: the other hosts of the switch; a tunnel per peer and VXLAN port group. */
  peers?: TunnelPeer[];
}
export interface SwitchInfo {
  name: string;
  address: string;
  mtu: number;
  transport: Transport;
  vxlanPort: number;
  /** The peers the switch was given (the tunnels really present are in Inventory.tunnels). */
  peers: TunnelPeer[];
}

export interface PortGroupSpec {
  address: string;
  vlanId: number | null;
  /** VXLAN network identifier (vxlan switches only). */
  vni?: number | null;
}
export interface PortGroupInfo {
  switch: string;
  name: string;
  address: string;
  vlanId: number | null;
  vni: number | null;
  /** The OVS access tag its ports get: vlanId on a vlan switch, a local tag per VNI on a vxlan one. */
  tag: number | null;
}

/** A VXLAN tunnel port as Open vSwitch really has it. */
export interface TunnelInfo {
  switch: string;
  port: string;
  peer: string;
  remoteIp: string;
  vni: number;
  tag: number | null;
  /** false when ovs-vswitchd reports an error for it or gave it no OpenFlow port. */
  up: boolean;
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
  /** The NIC's IPv4 address: kept on the host, served by the port group's DHCP, enforced by anti-spoofing. */
  ip?: string;
  /** Security groups (PUT /v1/security-groups/:sg) whose rules filter the NIC. */
  securityGroups?: string[];
}
export interface DomainSpec {
  address: string;
  vcpus: number;
  memoryMiB: number;
  disks: DomainDiskSpec[];
  nics: DomainNicSpec[];
  powerState: PowerState;
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
  ip: string | null;
  securityGroups: string[];
}
export interface DomainInfo {
  name: string;
  uuid: string;
  address: string;
  vcpus: number;
  memoryMiB: number;
  disks: DomainDiskInfo[];
  nics: DomainNicInfo[];
  /** libvirt's state word, e.g. 'running', 'shut off', 'paused'. */
  state: string;
  powerState: PowerState;
}

export type RuleDirection = 'ingress' | 'egress';
export type RuleProtocol = 'tcp' | 'udp' | 'icmp' | 'all';

/** One security group rule, its peer group already resolved to addresses by the planner. */
export interface SecurityRuleSpec {
  direction: RuleDirection;
  protocol: RuleProtocol;
  /** tcp/udp port range; null: all ports. */
  portFrom: number | null;
  portTo: number | null;
  /** Remote IPv4 networks ("10.0.0.0/24", "10.0.0.5/32"); null: any address; []: none (an empty peer group). */
  remote: string[] | null;
  action: 'allow' | 'deny';
  /** 1–1000, lower first; the first matching rule decides (deny first on a tie). */
  priority: number;
}
export interface SecurityGroupSpec {
  address: string;
  rules: SecurityRuleSpec[];
}
export interface SecurityGroupInfo extends SecurityGroupSpec {
  name: string;
}

/** A VM NIC the firewall filters: found in OVS by its MAC (external_ids:attached-mac) on its switch. */
export interface FirewallPortInfo {
  switch: string;
  /** The OVS port carrying the NIC's MAC; null when it is not plugged in (e.g. the domain is shut off). */
  port: string | null;
  mac: string;
  ip: string | null;
  domain: string;
  securityGroups: string[];
  /** Conntrack zone of the port. */
  zone: number;
}
/** Flows nssv installed, by cookie: who owns them (a rule's address, a port) and how many there are. */
export interface FlowInfo {
  switch: string;
  cookie: string;
  owner: string;
  flows: number;
  packets: number;
}
export interface FirewallInfo {
  /** true when every switch has exactly the flows nssv computes for it. */
  inSync: boolean;
  ports: FirewallPortInfo[];
  flows: FlowInfo[];
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
  tunnels: TunnelInfo[];
  securityGroups: SecurityGroupInfo[];
  firewall: FirewallInfo;
  domains: DomainInfo[];
}

/** Stable error codes agentd returns. */
export type AgentErrorCode =
  'unauthorized' | 'invalid_request' | 'invalid_name' | 'not_found' | 'conflict' | 'tool_failed' | 'internal';

export interface AgentErrorBody {
  error: { code: AgentErrorCode; message: string; detail?: string };
}
