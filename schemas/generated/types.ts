// Generated from schemas/*.schema.json by schemas/gen/main.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

/**
 * A group of KVM hosts in one data center that share scheduling, overcommit and HA settings.
 */
export interface NssvClusterArgs {
  /**
   * Unique name: lower-case letters, digits and '-', starting with a letter, at most 63 characters.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The data center this cluster belongs to.
   * Changing it replaces the resource.
   */
  datacenter_id: string;
  /**
   * How many vCPUs the scheduler may place per physical CPU (1.0–4.0).
   * @default 1
   */
  cpu_overcommit_ratio?: number;
  /**
   * How much guest memory the scheduler may place per MiB of host memory (1.0–4.0).
   * @default 1
   */
  memory_overcommit_ratio?: number;
  /**
   * Restart VMs of a failed host on the other hosts of the cluster.
   * @default false
   */
  ha_enabled?: boolean;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
}

/** nssv_cluster as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvClusterAttributes extends NssvClusterArgs {
  /**
   * Identifier other resources use to refer to this cluster (equal to name).
   */
  readonly id: string;
}

/**
 * nssv_cluster as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvClusterPlanned {
  /**
   * Identifier other resources use to refer to this cluster (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name: lower-case letters, digits and '-', starting with a letter, at most 63 characters.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The data center this cluster belongs to.
   * Changing it replaces the resource.
   */
  datacenter_id: string;
  /**
   * How many vCPUs the scheduler may place per physical CPU (1.0–4.0).
   * @default 1
   */
  cpu_overcommit_ratio: number;
  /**
   * How much guest memory the scheduler may place per MiB of host memory (1.0–4.0).
   * @default 1
   */
  memory_overcommit_ratio: number;
  /**
   * Restart VMs of a failed host on the other hosts of the cluster.
   * @default false
   */
  ha_enabled: boolean;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
}

/**
 * A data center: the largest namespace. Clusters, switches and storage belong to one.
 */
export interface NssvDatacenterArgs {
  /**
   * Unique name: lower-case letters, digits and '-', starting with a letter, at most 63 characters.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
}

/** nssv_datacenter as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvDatacenterAttributes extends NssvDatacenterArgs {
  /**
   * Identifier other resources use to refer to this data center (equal to name).
   */
  readonly id: string;
}

/**
 * nssv_datacenter as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvDatacenterPlanned {
  /**
   * Identifier other resources use to refer to this data center (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name: lower-case letters, digits and '-', starting with a letter, at most 63 characters.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
}

export interface NssvDistributedSwitchLacp {
  /**
   * active: send LACP packets; passive: only answer them.
   * @default "active"
   */
  mode?: 'active' | 'passive';
  /**
   * How often LACP packets are sent: fast (every second) or slow (every 30 seconds).
   * @default "slow"
   */
  rate?: 'fast' | 'slow';
}

/**
 * A distributed switch: one Open vSwitch bridge of the same name on every host of its clusters.
 */
export interface NssvDistributedSwitchArgs {
  /**
   * Bridge name on every host: lower-case letters, digits and '-', starting with a letter, at most 15 characters (a Linux interface name).
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The data center this switch belongs to.
   * Changing it replaces the resource.
   */
  datacenter_id: string;
  /**
   * Clusters whose hosts carry the switch.
   */
  cluster_ids: string[];
  /**
   * MTU of the bridge and its ports (1280–9000).
   * @default 1500
   */
  mtu?: number;
  /**
   * How port groups are separated between hosts: vlan (802.1Q tags on the uplinks) or vxlan (an overlay of VXLAN tunnels between the hosts; port groups then carry a vni).
   * @default "vlan"
   * Changing it replaces the resource.
   */
  transport?: 'vlan' | 'vxlan';
  /**
   * Physical NICs on each host that connect the bridge to the network (at most 8). Two or more form a bond. Default: none (the switch is internal to each host, or reaches other hosts only through VXLAN). Changed in place.
   * @default []
   */
  uplinks?: string[];
  /**
   * How a bond of two or more uplinks shares traffic: active-backup (one NIC carries traffic, the others take over on failure), balance-slb (by source MAC and VLAN, no switch support needed) or balance-tcp (by L3/L4 hash; needs LACP). Changed in place.
   * @default "active-backup"
   */
  bond_mode?: 'active-backup' | 'balance-slb' | 'balance-tcp';
  /**
   * LACP (802.3ad) negotiation on the bond; required for balance-tcp. Needs at least two uplinks. Changed in place.
   * @default []
   */
  lacp?: NssvDistributedSwitchLacp[];
  /**
   * UDP port of the VXLAN tunnels (vxlan transport only; IANA default 4789).
   * @default 4789
   * Changing it replaces the resource.
   */
  vxlan_port?: number;
}

/** nssv_distributed_switch as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvDistributedSwitchAttributes extends NssvDistributedSwitchArgs {
  /**
   * Identifier other resources use to refer to this switch (equal to name).
   */
  readonly id: string;
  /**
   * Hosts that carry the bridge: every host of the switch's clusters (computed at plan time).
   */
  readonly host_ids: string[];
}

export interface NssvDistributedSwitchLacpPlanned {
  /**
   * active: send LACP packets; passive: only answer them.
   * @default "active"
   */
  mode: 'active' | 'passive';
  /**
   * How often LACP packets are sent: fast (every second) or slow (every 30 seconds).
   * @default "slow"
   */
  rate: 'fast' | 'slow';
}

/**
 * nssv_distributed_switch as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvDistributedSwitchPlanned {
  /**
   * Identifier other resources use to refer to this switch (equal to name).
   */
  readonly id?: string;
  /**
   * Bridge name on every host: lower-case letters, digits and '-', starting with a letter, at most 15 characters (a Linux interface name).
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The data center this switch belongs to.
   * Changing it replaces the resource.
   */
  datacenter_id: string;
  /**
   * Clusters whose hosts carry the switch.
   */
  cluster_ids: string[];
  /**
   * MTU of the bridge and its ports (1280–9000).
   * @default 1500
   */
  mtu: number;
  /**
   * How port groups are separated between hosts: vlan (802.1Q tags on the uplinks) or vxlan (an overlay of VXLAN tunnels between the hosts; port groups then carry a vni).
   * @default "vlan"
   * Changing it replaces the resource.
   */
  transport: 'vlan' | 'vxlan';
  /**
   * Hosts that carry the bridge: every host of the switch's clusters (computed at plan time).
   */
  readonly host_ids?: string[];
  /**
   * Physical NICs on each host that connect the bridge to the network (at most 8). Two or more form a bond. Default: none (the switch is internal to each host, or reaches other hosts only through VXLAN). Changed in place.
   * @default []
   */
  uplinks: string[];
  /**
   * How a bond of two or more uplinks shares traffic: active-backup (one NIC carries traffic, the others take over on failure), balance-slb (by source MAC and VLAN, no switch support needed) or balance-tcp (by L3/L4 hash; needs LACP). Changed in place.
   * @default "active-backup"
   */
  bond_mode: 'active-backup' | 'balance-slb' | 'balance-tcp';
  /**
   * LACP (802.3ad) negotiation on the bond; required for balance-tcp. Needs at least two uplinks. Changed in place.
   * @default []
   */
  lacp: NssvDistributedSwitchLacpPlanned[];
  /**
   * UDP port of the VXLAN tunnels (vxlan transport only; IANA default 4789).
   * @default 4789
   * Changing it replaces the resource.
   */
  vxlan_port: number;
}

/**
 * A KVM hypervisor host running agentd. nssv talks to the host only through its agent endpoint.
 */
export interface NssvHostArgs {
  /**
   * The host's name; must equal the hostName in its agentd configuration.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The cluster this host belongs to.
   */
  cluster_id: string;
  /**
   * Base URL of the host's agentd, e.g. https://10.0.0.11:7400. With https:// nssv speaks mutual TLS: it trusts only the CA in tls_dir and presents that directory's client certificate.
   */
  endpoint: string;
  /**
   * For an https:// endpoint: the directory with the CA nssv pins (ca.crt) and the client certificate it presents (client.crt, client.key), as `nssv agent ca init` creates it. Default: $NSSV_TLS_DIR, else ~/.config/nssv/tls. Read on the machine that runs nssv; never sent to the agent.
   */
  tls_dir?: string;
  /**
   * Bearer token agentd expects. Sensitive: never shown in plans or logs.
   * Sensitive.
   */
  token: string;
  /**
   * A host in maintenance mode receives no new VMs.
   * @default false
   */
  maintenance?: boolean;
  /**
   * Free-form labels such as rack or chassis, used by failure domains and host groups.
   * @default {}
   */
  labels?: Record<string, string>;
}

/** nssv_host as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvHostAttributes extends NssvHostArgs {
  /**
   * Identifier other resources use to refer to this host (equal to name).
   */
  readonly id: string;
  /**
   * Physical CPUs the agent reports.
   */
  readonly cpus: number;
  /**
   * Physical memory the agent reports, in MiB.
   */
  readonly memory_mib: number;
  /**
   * libvirt domain type the host runs guests with: kvm, or qemu (TCG) where KVM is unavailable.
   */
  readonly domain_type: 'kvm' | 'qemu';
}

/**
 * nssv_host as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvHostPlanned {
  /**
   * Identifier other resources use to refer to this host (equal to name).
   */
  readonly id?: string;
  /**
   * The host's name; must equal the hostName in its agentd configuration.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The cluster this host belongs to.
   */
  cluster_id: string;
  /**
   * Base URL of the host's agentd, e.g. https://10.0.0.11:7400. With https:// nssv speaks mutual TLS: it trusts only the CA in tls_dir and presents that directory's client certificate.
   */
  endpoint: string;
  /**
   * For an https:// endpoint: the directory with the CA nssv pins (ca.crt) and the client certificate it presents (client.crt, client.key), as `nssv agent ca init` creates it. Default: $NSSV_TLS_DIR, else ~/.config/nssv/tls. Read on the machine that runs nssv; never sent to the agent.
   */
  tls_dir?: string;
  /**
   * Bearer token agentd expects. Sensitive: never shown in plans or logs.
   * Sensitive.
   */
  token: string;
  /**
   * A host in maintenance mode receives no new VMs.
   * @default false
   */
  maintenance: boolean;
  /**
   * Free-form labels such as rack or chassis, used by failure domains and host groups.
   * @default {}
   */
  labels: Record<string, string>;
  /**
   * Physical CPUs the agent reports.
   */
  readonly cpus?: number;
  /**
   * Physical memory the agent reports, in MiB.
   */
  readonly memory_mib?: number;
  /**
   * libvirt domain type the host runs guests with: kvm, or qemu (TCG) where KVM is unavailable.
   */
  readonly domain_type?: 'kvm' | 'qemu';
}

/**
 * A set of hosts of one cluster that VM–host scheduling groups (vm-host-affinity, vm-host-anti-affinity) place VMs on or away from.
 */
export interface NssvHostGroupArgs {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The cluster whose hosts the group holds.
   * Changing it replaces the resource.
   */
  cluster_id: string;
  /**
   * The hosts in the group; all must belong to cluster_id. Changed in place.
   */
  host_ids: string[];
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
}

/** nssv_host_group as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvHostGroupAttributes extends NssvHostGroupArgs {
  /**
   * Identifier other resources use to refer to this host group (equal to name).
   */
  readonly id: string;
}

/**
 * nssv_host_group as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvHostGroupPlanned {
  /**
   * Identifier other resources use to refer to this host group (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The cluster whose hosts the group holds.
   * Changing it replaces the resource.
   */
  cluster_id: string;
  /**
   * The hosts in the group; all must belong to cluster_id. Changed in place.
   */
  host_ids: string[];
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
}

/**
 * An image template (a disk image file) in an image storage; volumes are created from it with source_image_id. Its sha256 checksum is verified when it is imported.
 */
export interface NssvImageArgs {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The image storage that keeps the image.
   * Changing it replaces the resource.
   */
  image_storage_id: string;
  /**
   * Where to import the image from: an http(s) URL or an absolute file path on the hosts.
   * Changing it replaces the resource.
   */
  source: string;
  /**
   * Format of the image file: qcow2 or raw.
   * @default "qcow2"
   * Changing it replaces the resource.
   */
  format?: 'qcow2' | 'raw';
  /**
   * SHA-256 checksum of the source file; the import fails, keeping nothing, if the file differs. Required for http(s) sources; without it a local file's digest is recorded unchecked.
   * @default null
   * Changing it replaces the resource.
   */
  sha256?: string | null;
  /**
   * Guest operating system family, used for device defaults.
   * @default "linux"
   */
  os_type?: 'linux' | 'windows' | 'other';
  /**
   * What destroying the image does, as in the seeds: delayed (the default: moved to each host's trash, or for an rbd image storage to the Ceph pool's rbd trash, restorable with `nssv trash restore` and purged after 7 days; an apply that fails later brings it back from there), immediate (deleted from each host of its image storage during the apply; an apply that fails later imports it again from its source, verified against its sha256 when one is set), never (plan refuses to delete or replace it: set another policy and apply first). States written before delayed became the default (state format 1, provider schema version 1) read a recorded immediate as delayed: an unchanged configuration plans no change; one that sets immediate plans it once more, touching no host.
   * @default "delayed"
   */
  delete_policy?: 'immediate' | 'delayed' | 'never';
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
}

/** nssv_image as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvImageAttributes extends NssvImageArgs {
  /**
   * Identifier other resources use to refer to this image (equal to name).
   */
  readonly id: string;
  /**
   * Size of the imported image file in bytes.
   */
  readonly size_bytes: number;
  /**
   * Hosts the image is imported to, once each: the hosts of its image storage (computed at plan time).
   */
  readonly host_ids: string[];
}

/**
 * nssv_image as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvImagePlanned {
  /**
   * Identifier other resources use to refer to this image (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The image storage that keeps the image.
   * Changing it replaces the resource.
   */
  image_storage_id: string;
  /**
   * Where to import the image from: an http(s) URL or an absolute file path on the hosts.
   * Changing it replaces the resource.
   */
  source: string;
  /**
   * Format of the image file: qcow2 or raw.
   * @default "qcow2"
   * Changing it replaces the resource.
   */
  format: 'qcow2' | 'raw';
  /**
   * SHA-256 checksum of the source file; the import fails, keeping nothing, if the file differs. Required for http(s) sources; without it a local file's digest is recorded unchecked.
   * @default null
   * Changing it replaces the resource.
   */
  sha256: string | null;
  /**
   * Guest operating system family, used for device defaults.
   * @default "linux"
   */
  os_type: 'linux' | 'windows' | 'other';
  /**
   * What destroying the image does, as in the seeds: delayed (the default: moved to each host's trash, or for an rbd image storage to the Ceph pool's rbd trash, restorable with `nssv trash restore` and purged after 7 days; an apply that fails later brings it back from there), immediate (deleted from each host of its image storage during the apply; an apply that fails later imports it again from its source, verified against its sha256 when one is set), never (plan refuses to delete or replace it: set another policy and apply first). States written before delayed became the default (state format 1, provider schema version 1) read a recorded immediate as delayed: an unchanged configuration plans no change; one that sets immediate plans it once more, touching no host.
   * @default "delayed"
   */
  delete_policy: 'immediate' | 'delayed' | 'never';
  /**
   * Size of the imported image file in bytes.
   */
  readonly size_bytes?: number;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
  /**
   * Hosts the image is imported to, once each: the hosts of its image storage (computed at plan time).
   */
  readonly host_ids?: string[];
}

/**
 * Image storage: where image templates (nssv_image) are kept before they are copied or cloned into volumes.
 */
export interface NssvImageStorageArgs {
  /**
   * Unique name; also the directory name (dir) or Ceph pool name (rbd).
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The data center the image storage serves.
   * Changing it replaces the resource.
   */
  datacenter_id: string;
  /**
   * The cluster whose hosts keep the images.
   * Changing it replaces the resource.
   */
  cluster_id: string;
  /**
   * Backend: dir (a directory of image files on every host of the cluster) or rbd (a Ceph pool, nssv-images.<name>, shared by the hosts, with the Ceph cluster's default replication): each image is an RBD image with a protected snapshot base, and volumes of rbd pools made from it are rbd clones of that snapshot (flattened for clone_mode = "full").
   * @default "dir"
   * Changing it replaces the resource.
   */
  kind?: 'dir' | 'rbd';
  /**
   * Directory on each host for a dir image storage. Not supported yet: images live in .images/<name> under the agent's storage root. Not allowed for rbd.
   * @default null
   * Changing it replaces the resource.
   */
  path?: string | null;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
}

/** nssv_image_storage as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvImageStorageAttributes extends NssvImageStorageArgs {
  /**
   * Identifier other resources use to refer to this image storage (equal to name).
   */
  readonly id: string;
  /**
   * Hosts that keep the storage's images: every host of its cluster (computed at plan time).
   */
  readonly host_ids: string[];
}

/**
 * nssv_image_storage as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvImageStoragePlanned {
  /**
   * Identifier other resources use to refer to this image storage (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name; also the directory name (dir) or Ceph pool name (rbd).
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The data center the image storage serves.
   * Changing it replaces the resource.
   */
  datacenter_id: string;
  /**
   * The cluster whose hosts keep the images.
   * Changing it replaces the resource.
   */
  cluster_id: string;
  /**
   * Backend: dir (a directory of image files on every host of the cluster) or rbd (a Ceph pool, nssv-images.<name>, shared by the hosts, with the Ceph cluster's default replication): each image is an RBD image with a protected snapshot base, and volumes of rbd pools made from it are rbd clones of that snapshot (flattened for clone_mode = "full").
   * @default "dir"
   * Changing it replaces the resource.
   */
  kind: 'dir' | 'rbd';
  /**
   * Directory on each host for a dir image storage. Not supported yet: images live in .images/<name> under the agent's storage root. Not allowed for rbd.
   * @default null
   * Changing it replaces the resource.
   */
  path: string | null;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
  /**
   * Hosts that keep the storage's images: every host of its cluster (computed at plan time).
   */
  readonly host_ids?: string[];
}

export interface NssvPortGroupDhcp {
  /**
   * First address handed out; inside cidr.
   */
  start: string;
  /**
   * Last address handed out; inside cidr, not before start.
   */
  end: string;
  /**
   * Lease time in seconds (60–31536000).
   * @default 86400
   */
  lease_seconds?: number;
}

/**
 * A distributed port group: ports of one switch that share a network configuration (a VLAN, or a VXLAN segment), optionally with an IPv4 subnet, DHCP and DNS.
 */
export interface NssvPortGroupArgs {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The distributed switch the port group belongs to.
   * Changing it replaces the resource.
   */
  switch_id: string;
  /**
   * 802.1Q VLAN tag of the group's ports (1–4094); null for untagged.
   * @default null
   */
  vlan_id?: number | null;
  /**
   * VXLAN network identifier (1–16777215) of the group's segment. Required on a switch with vxlan transport, not allowed with vlan.
   * @default null
   * Changing it replaces the resource.
   */
  vni?: number | null;
  /**
   * IPv4 subnet of the group, e.g. 10.0.0.0/24. Needed for gateway, dhcp and NIC addresses.
   * @default null
   */
  cidr?: string | null;
  /**
   * Default gateway handed to VMs; an address inside cidr.
   * @default null
   */
  gateway?: string | null;
  /**
   * Serve DHCP on the group from a range inside cidr. Changed in place.
   * @default []
   */
  dhcp?: NssvPortGroupDhcp[];
  /**
   * DNS servers handed to VMs (at most 3). Changed in place.
   * @default []
   */
  dns_servers?: string[];
  /**
   * Search domain handed to VMs. Default: none.
   * @default ""
   */
  dns_domain?: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
}

/** nssv_port_group as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvPortGroupAttributes extends NssvPortGroupArgs {
  /**
   * Identifier other resources use to refer to this port group (equal to name).
   */
  readonly id: string;
  /**
   * Hosts the port group is configured on: those of its switch (computed at plan time).
   */
  readonly host_ids: string[];
}

export interface NssvPortGroupDhcpPlanned {
  /**
   * First address handed out; inside cidr.
   */
  start: string;
  /**
   * Last address handed out; inside cidr, not before start.
   */
  end: string;
  /**
   * Lease time in seconds (60–31536000).
   * @default 86400
   */
  lease_seconds: number;
}

/**
 * nssv_port_group as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvPortGroupPlanned {
  /**
   * Identifier other resources use to refer to this port group (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The distributed switch the port group belongs to.
   * Changing it replaces the resource.
   */
  switch_id: string;
  /**
   * 802.1Q VLAN tag of the group's ports (1–4094); null for untagged.
   * @default null
   */
  vlan_id: number | null;
  /**
   * VXLAN network identifier (1–16777215) of the group's segment. Required on a switch with vxlan transport, not allowed with vlan.
   * @default null
   * Changing it replaces the resource.
   */
  vni: number | null;
  /**
   * IPv4 subnet of the group, e.g. 10.0.0.0/24. Needed for gateway, dhcp and NIC addresses.
   * @default null
   */
  cidr: string | null;
  /**
   * Default gateway handed to VMs; an address inside cidr.
   * @default null
   */
  gateway: string | null;
  /**
   * Serve DHCP on the group from a range inside cidr. Changed in place.
   * @default []
   */
  dhcp: NssvPortGroupDhcpPlanned[];
  /**
   * DNS servers handed to VMs (at most 3). Changed in place.
   * @default []
   */
  dns_servers: string[];
  /**
   * Search domain handed to VMs. Default: none.
   * @default ""
   */
  dns_domain: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
  /**
   * Hosts the port group is configured on: those of its switch (computed at plan time).
   */
  readonly host_ids?: string[];
}

/**
 * A placement rule for the VMs that name it in scheduling_group_id: keep them apart (vm-anti-affinity), together (vm-affinity), on a host group (vm-host-affinity) or off it (vm-host-anti-affinity).
 */
export interface NssvSchedulingGroupArgs {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The cluster the group's VMs run in.
   * Changing it replaces the resource.
   */
  cluster_id: string;
  /**
   * vm-anti-affinity: each VM on a different host; vm-affinity: all VMs on one host; vm-host-affinity: VMs only on the hosts of host_group_id; vm-host-anti-affinity: VMs never on those hosts.
   */
  policy: 'vm-anti-affinity' | 'vm-affinity' | 'vm-host-affinity' | 'vm-host-anti-affinity';
  /**
   * mandatory: a VM that cannot follow the policy is not placed (plan error); preferred: the scheduler follows it when it can.
   * @default "preferred"
   */
  mode?: 'mandatory' | 'preferred';
  /**
   * The host group of a vm-host-affinity or vm-host-anti-affinity policy; required for those, not allowed for the others.
   * @default null
   */
  host_group_id?: string | null;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
}

/** nssv_scheduling_group as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvSchedulingGroupAttributes extends NssvSchedulingGroupArgs {
  /**
   * Identifier other resources use to refer to this scheduling group (equal to name).
   */
  readonly id: string;
}

/**
 * nssv_scheduling_group as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvSchedulingGroupPlanned {
  /**
   * Identifier other resources use to refer to this scheduling group (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The cluster the group's VMs run in.
   * Changing it replaces the resource.
   */
  cluster_id: string;
  /**
   * vm-anti-affinity: each VM on a different host; vm-affinity: all VMs on one host; vm-host-affinity: VMs only on the hosts of host_group_id; vm-host-anti-affinity: VMs never on those hosts.
   */
  policy: 'vm-anti-affinity' | 'vm-affinity' | 'vm-host-affinity' | 'vm-host-anti-affinity';
  /**
   * mandatory: a VM that cannot follow the policy is not placed (plan error); preferred: the scheduler follows it when it can.
   * @default "preferred"
   */
  mode: 'mandatory' | 'preferred';
  /**
   * The host group of a vm-host-affinity or vm-host-anti-affinity policy; required for those, not allowed for the others.
   * @default null
   */
  host_group_id: string | null;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
}

export interface NssvSecurityGroupRule {
  /**
   * ingress: traffic to the VM's NIC; egress: traffic from it.
   */
  direction: 'ingress' | 'egress';
  /**
   * IP protocol the rule matches: tcp, udp, icmp or all.
   * @default "all"
   */
  protocol?: 'tcp' | 'udp' | 'icmp' | 'all';
  /**
   * First port of the range (1–65535); tcp and udp only. Default: all ports.
   * @default null
   */
  port_from?: number | null;
  /**
   * Last port of the range (1–65535), at least port_from; tcp and udp only. Default: port_from.
   * @default null
   */
  port_to?: number | null;
  /**
   * Remote IPv4 network the rule matches, e.g. 10.0.0.0/24. Set at most one of cidr and peer_security_group_id; neither matches any address.
   * @default null
   */
  cidr?: string | null;
  /**
   * Match traffic from (ingress) or to (egress) the NICs of this security group instead of a CIDR.
   * @default null
   */
  peer_security_group_id?: string | null;
  /**
   * What to do with matching traffic: allow or deny.
   * @default "allow"
   */
  action?: 'allow' | 'deny';
  /**
   * Evaluation order (1–1000): lower numbers are checked first; the first matching rule decides.
   * @default 100
   */
  priority?: number;
  /**
   * Free text for the rule.
   * @default ""
   */
  description?: string;
}

/**
 * A distributed firewall: stateful rules applied (as Open vSwitch conntrack flows) to every VM NIC that lists the group in security_group_ids. Traffic no rule allows is dropped; rules change in place.
 */
export interface NssvSecurityGroupArgs {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The data center the group belongs to.
   * Changing it replaces the resource.
   */
  datacenter_id: string;
  /**
   * Firewall rules (at most 256). Changed in place.
   * @default []
   */
  rule?: NssvSecurityGroupRule[];
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
}

/** nssv_security_group as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvSecurityGroupAttributes extends NssvSecurityGroupArgs {
  /**
   * Identifier other resources use to refer to this security group (equal to name).
   */
  readonly id: string;
  /**
   * Hosts the group is installed on: every host of the data center's clusters (computed at plan time).
   */
  readonly host_ids: string[];
  /**
   * For each peer group the rules name (peer_security_group_id): the IPv4 addresses of the NICs in it, computed at plan time from their ip; the rules match these addresses, so a NIC joining or leaving a peer group updates this group in place.
   */
  readonly peer_addresses: Record<string, string[]>;
}

export interface NssvSecurityGroupRulePlanned {
  /**
   * ingress: traffic to the VM's NIC; egress: traffic from it.
   */
  direction: 'ingress' | 'egress';
  /**
   * IP protocol the rule matches: tcp, udp, icmp or all.
   * @default "all"
   */
  protocol: 'tcp' | 'udp' | 'icmp' | 'all';
  /**
   * First port of the range (1–65535); tcp and udp only. Default: all ports.
   * @default null
   */
  port_from: number | null;
  /**
   * Last port of the range (1–65535), at least port_from; tcp and udp only. Default: port_from.
   * @default null
   */
  port_to: number | null;
  /**
   * Remote IPv4 network the rule matches, e.g. 10.0.0.0/24. Set at most one of cidr and peer_security_group_id; neither matches any address.
   * @default null
   */
  cidr: string | null;
  /**
   * Match traffic from (ingress) or to (egress) the NICs of this security group instead of a CIDR.
   * @default null
   */
  peer_security_group_id: string | null;
  /**
   * What to do with matching traffic: allow or deny.
   * @default "allow"
   */
  action: 'allow' | 'deny';
  /**
   * Evaluation order (1–1000): lower numbers are checked first; the first matching rule decides.
   * @default 100
   */
  priority: number;
  /**
   * Free text for the rule.
   * @default ""
   */
  description: string;
}

/**
 * nssv_security_group as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvSecurityGroupPlanned {
  /**
   * Identifier other resources use to refer to this security group (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The data center the group belongs to.
   * Changing it replaces the resource.
   */
  datacenter_id: string;
  /**
   * Firewall rules (at most 256). Changed in place.
   * @default []
   */
  rule: NssvSecurityGroupRulePlanned[];
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
  /**
   * Hosts the group is installed on: every host of the data center's clusters (computed at plan time).
   */
  readonly host_ids?: string[];
  /**
   * For each peer group the rules name (peer_security_group_id): the IPv4 addresses of the NICs in it, computed at plan time from their ip; the rules match these addresses, so a NIC joining or leaving a peer group updates this group in place.
   */
  readonly peer_addresses?: Record<string, string[]>;
}

export interface NssvStoragePoolErasureCode {
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
 * Data storage for volumes. A `dir` pool is a directory of qcow2/raw files on every host of its cluster (local storage); an `rbd` pool is a Ceph pool shared by the cluster's hosts, protected by replicas or erasure coding across failure domains.
 */
export interface NssvStoragePoolArgs {
  /**
   * Unique name; the directory name under the agent's storage root (dir), or the Ceph pool nssv.<name> (rbd; nssv.<name>.data holds the data of an erasure-coded pool).
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * Storage backend: dir (files on each host) or rbd (a Ceph pool shared by the hosts).
   * Changing it replaces the resource.
   */
  kind: 'dir' | 'rbd';
  /**
   * The cluster whose hosts provide this pool.
   * Changing it replaces the resource.
   */
  cluster_id: string;
  /**
   * rbd only: keep this many copies of every object (2–6), each in a different failure domain. Set exactly one of replicas and erasure_code for an rbd pool. Changed in place (Ceph re-replicates); the cluster needs at least this many failure domains holding OSDs.
   * @default null
   */
  replicas?: number | null;
  /**
   * rbd only: erasure coding instead of replicas: data is split into k data chunks plus m parity chunks, each in a different failure domain; any m of them may be lost.
   * @default []
   * Changing it replaces the resource.
   */
  erasure_code?: NssvStoragePoolErasureCode[];
  /**
   * rbd only: the unit copies or chunks are spread over (the CRUSH failure domain of the pool's rule): host, chassis, rack or datacenter; Ceph's CRUSH map must have enough buckets of that type holding OSDs (chassis and rack buckets are the Ceph administrator's; nssv does not build the CRUSH map).
   * @default "host"
   * Changing it replaces the resource.
   */
  failure_domain?: 'host' | 'chassis' | 'rack' | 'datacenter';
  /**
   * Allocate volume space on first write (true) or up front (false: fully written images in rbd pools, `rbd create --thick-provision`). Not supported yet for dir pools.
   * @default true
   * Changing it replaces the resource.
   */
  thin_provisioning?: boolean;
  /**
   * rbd pools: Ceph's quota on the bytes stored in the pool (its data pool for erasure code), in GiB; writes beyond it fail. Default: no quota. Changed in place. Not supported yet for dir pools.
   * @default null
   */
  quota_gib?: number | null;
  /**
   * rbd only: how fast data is rebuilt after a failure, as Ceph's per-pool recovery priorities: slow (recovery_priority -5, recovery_op_priority 1: favours VM I/O), medium (0, 3: Ceph's defaults), fast (5, 10: favours recovery). Changed in place.
   * @default "medium"
   */
  recovery_qos?: 'slow' | 'medium' | 'fast';
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
}

/** nssv_storage_pool as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvStoragePoolAttributes extends NssvStoragePoolArgs {
  /**
   * Identifier other resources use to refer to this pool (equal to name).
   */
  readonly id: string;
  /**
   * Hosts that provide the pool: every host of its cluster (computed at plan time).
   */
  readonly host_ids: string[];
}

export interface NssvStoragePoolErasureCodePlanned {
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
 * nssv_storage_pool as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvStoragePoolPlanned {
  /**
   * Identifier other resources use to refer to this pool (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name; the directory name under the agent's storage root (dir), or the Ceph pool nssv.<name> (rbd; nssv.<name>.data holds the data of an erasure-coded pool).
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * Storage backend: dir (files on each host) or rbd (a Ceph pool shared by the hosts).
   * Changing it replaces the resource.
   */
  kind: 'dir' | 'rbd';
  /**
   * The cluster whose hosts provide this pool.
   * Changing it replaces the resource.
   */
  cluster_id: string;
  /**
   * rbd only: keep this many copies of every object (2–6), each in a different failure domain. Set exactly one of replicas and erasure_code for an rbd pool. Changed in place (Ceph re-replicates); the cluster needs at least this many failure domains holding OSDs.
   * @default null
   */
  replicas: number | null;
  /**
   * rbd only: erasure coding instead of replicas: data is split into k data chunks plus m parity chunks, each in a different failure domain; any m of them may be lost.
   * @default []
   * Changing it replaces the resource.
   */
  erasure_code: NssvStoragePoolErasureCodePlanned[];
  /**
   * rbd only: the unit copies or chunks are spread over (the CRUSH failure domain of the pool's rule): host, chassis, rack or datacenter; Ceph's CRUSH map must have enough buckets of that type holding OSDs (chassis and rack buckets are the Ceph administrator's; nssv does not build the CRUSH map).
   * @default "host"
   * Changing it replaces the resource.
   */
  failure_domain: 'host' | 'chassis' | 'rack' | 'datacenter';
  /**
   * Allocate volume space on first write (true) or up front (false: fully written images in rbd pools, `rbd create --thick-provision`). Not supported yet for dir pools.
   * @default true
   * Changing it replaces the resource.
   */
  thin_provisioning: boolean;
  /**
   * rbd pools: Ceph's quota on the bytes stored in the pool (its data pool for erasure code), in GiB; writes beyond it fail. Default: no quota. Changed in place. Not supported yet for dir pools.
   * @default null
   */
  quota_gib: number | null;
  /**
   * rbd only: how fast data is rebuilt after a failure, as Ceph's per-pool recovery priorities: slow (recovery_priority -5, recovery_op_priority 1: favours VM I/O), medium (0, 3: Ceph's defaults), fast (5, 10: favours recovery). Changed in place.
   * @default "medium"
   */
  recovery_qos: 'slow' | 'medium' | 'fast';
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
  /**
   * Hosts that provide the pool: every host of its cluster (computed at plan time).
   */
  readonly host_ids?: string[];
}

export interface NssvVmDisk {
  /**
   * The volume to attach.
   * Changing it replaces the resource.
   */
  volume_id: string;
  /**
   * Boot priority (1 boots first; set on several disks they boot in that order, disks without it do not boot). Default: the first disk boots. Changed in place: the domain is redefined and nssv restarts the VM.
   * @default null
   */
  boot_order?: number | null;
  /**
   * Disk controller the guest sees: virtio (vda, vdb, …), scsi (virtio-scsi: sda, sdb, …) or sata (AHCI: sda, sdb, …). virtio and scsi disks are hot-plugged; adding a sata disk restarts the VM.
   * @default "virtio"
   * Changing it replaces the resource.
   */
  bus?: 'virtio' | 'scsi' | 'sata';
}

export interface NssvVmNic {
  /**
   * The port group the NIC joins.
   * Changing it replaces the resource.
   */
  port_group_id: string;
  /**
   * MAC address in lower case. Default: derived from the VM name and NIC index (52:54:00:…).
   * Changing it replaces the resource.
   */
  mac?: string;
  /**
   * IPv4 address inside the port group's cidr, handed to the guest by the port group's DHCP and by cloud-init. Default: allocated by nssv at plan time from the port group's dhcp range (else its cidr): the lowest free address, shown in the plan, kept in state and on the host, never given to another NIC while allocated; null when the port group has no cidr.
   * Changing it replaces the resource.
   */
  ip?: string | null;
  /**
   * Security groups whose rules filter the NIC's traffic (at most 16). Default: none (no filtering). Changed in place.
   * @default []
   */
  security_group_ids?: string[];
}

/**
 * A KVM guest. nssv places it on a host of its cluster at plan time unless host_id pins it.
 */
export interface NssvVmArgs {
  /**
   * Unique name; also the libvirt domain name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The cluster the VM runs in.
   * Changing it replaces the resource.
   */
  cluster_id: string;
  /**
   * Pin the VM to this host. Default: chosen by the scheduler at plan time.
   * Changing it replaces the resource.
   */
  host_id?: string;
  /**
   * Virtual CPUs (1–64). Changed live (hot-plug) up to max_vcpus; beyond it, with a reboot.
   * @default 1
   */
  vcpus?: number;
  /**
   * Most vCPUs the running VM can be given without a reboot (vCPU hot-plug). Default: vcpus (then any vCPU change needs a reboot). Changing it needs a reboot; it must be at least vcpus.
   * @default null
   */
  max_vcpus?: number | null;
  /**
   * Memory in MiB (64–1048576). Changed live (balloon) up to max_memory_mib; beyond it, with a reboot.
   * @default 512
   */
  memory_mib?: number;
  /**
   * Most memory in MiB the running VM can be given without a reboot (memory balloon). Default: memory_mib (then growing memory needs a reboot). Changing it needs a reboot; it must be at least memory_mib.
   * @default null
   */
  max_memory_mib?: number | null;
  /**
   * running, shutoff (ACPI shutdown, forced off after the agent's shutdown timeout) or paused (the guest's vCPUs stopped, its memory kept). Changed in place.
   * @default "running"
   */
  power_state?: 'running' | 'shutoff' | 'paused';
  /**
   * Disks, attached in order as vda, vdb, …; the first one boots (at most 26).
   * @default []
   */
  disk?: NssvVmDisk[];
  /**
   * Network interfaces, in order (at most 16).
   * @default []
   */
  nic?: NssvVmNic[];
  /**
   * Scheduling group whose policy places the VM. Default: none.
   * @default null
   */
  scheduling_group_id?: string | null;
  /**
   * Place the VM only on hosts whose nssv_host.labels carry every one of these key/value pairs (e.g. { rack = "r1" }). A running VM whose host no longer matches is migrated. Default: any host.
   * @default {}
   */
  host_labels?: Record<string, string>;
  /**
   * PCI devices of the VM's host passed through to the guest (GPUs, NICs…), by address (e.g. ["0000:65:00.0"]): each becomes a libvirt `<hostdev mode='subsystem' type='pci' managed='yes'>`, so libvirt detaches the device from its host driver (binding it to vfio-pci) when the VM starts and gives it back when it stops. The VM must be pinned with host_id; plan checks each device against the host's inventory (it must exist there and no other domain may use it). A VM with passthrough devices is never live-migrated: a host_id change, or a running one on a host in maintenance, is a plan error. Changing the list redefines the domain and restarts a running VM. Untested on real hardware: the machines nssv is tested on have no assignable device (IOMMU).
   * @default []
   */
  pci_passthrough?: string[];
  /**
   * High availability: a crash of the VM (a guest kernel panic included, reported by a pvpanic device) restarts it on its host (libvirt's on_crash restart; the pvpanic device reaches an already running guest at its next boot); when the VM's host stops answering and every disk of the VM is on an rbd pool, the next plan restarts the VM on another host of its cluster (the old copy is fenced off its rbd disks first, and destroyed when that host answers again). Changed in place.
   * @default false
   */
  ha_enabled?: boolean;
  /**
   * cloud-init user data (e.g. a #cloud-config document) on the VM's NoCloud seed (a CD-ROM). Sensitive. Changed in place: the seed is rewritten with a new instance id and cloud-init applies it on the VM's next boot, or at once when cloud_init_changes is reboot (the plan says which).
   * @default null
   * Sensitive.
   */
  user_data?: string | null;
  /**
   * SSH public keys cloud-init installs for the image's default user (on the NoCloud seed). Sensitive. Changed in place: takes effect on the VM's next boot.
   * @default []
   * Sensitive.
   */
  ssh_authorized_keys?: string[];
  /**
   * When a change to user_data, ssh_authorized_keys or the NICs' network config (guest_network) reaches a running VM: next_boot (the seed is rewritten with a new instance id and swapped into the VM's CD-ROM; cloud-init applies it when the guest next boots, and nssv does not restart it) or reboot (nssv shuts the VM down with ACPI and starts it again in the same apply, so cloud-init applies it now). Changed in place.
   * @default "next_boot"
   */
  cloud_init_changes?: 'next_boot' | 'reboot';
  /**
   * What destroying the VM does, as in the seeds: delayed (the default: the domain is stopped and its definition, with its UUID, nssv metadata and cloud-init seed, kept in its host's trash for 7 days: `nssv trash restore` defines it again, `nssv trash purge` drops it; an apply that fails later restores it from there), immediate (the domain is undefined; an apply that fails later defines it again from its attributes) or never (plan refuses to delete or replace the VM: set another policy and apply first). Its volumes keep their own delete_policy. States written before delayed became the default (state format 1, provider schema version 1) read a recorded immediate as delayed: an unchanged configuration plans no change; one that sets immediate plans it once more, touching no host.
   * @default "delayed"
   */
  delete_policy?: 'immediate' | 'delayed' | 'never';
  /**
   * Free-form key/value tags kept in the domain's metadata. Changed in place.
   * @default {}
   */
  tags?: Record<string, string>;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
}

export interface NssvVmGuestNetwork {
  /**
   * Fixed IPv4 address with prefix length (nic ip and the port group's cidr); null: DHCP.
   */
  address?: string | null;
  /**
   * The port group's gateway, for a fixed address.
   */
  gateway?: string | null;
  /**
   * The port group's DNS servers.
   */
  dns_servers?: string[];
  /**
   * The port group's DNS domain (search domain).
   */
  dns_domain?: string | null;
}

/** nssv_vm as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvVmAttributes extends NssvVmArgs {
  /**
   * Identifier other resources use to refer to this VM (equal to name).
   */
  readonly id: string;
  /**
   * libvirt domain UUID; unchanged by in-place updates.
   */
  readonly uuid: string;
  /**
   * What cloud-init tells the guest about each NIC (computed at plan time): a fixed address (nic ip with the port group's cidr prefix), gateway and DNS from the port group; address null means DHCP. Only on VMs with a seed (user_data, ssh_authorized_keys or a nic ip).
   */
  readonly guest_network: NssvVmGuestNetwork[];
  /**
   * The VM's cloud-init seed (a NoCloud ISO in the agent's state directory) as its host reports it: intact, missing (deleted out of band) or modified (its bytes differ from what the agent wrote); null when the VM has no seed. Anything but intact is drift: the next apply rewrites the seed (the guest sees it on its next boot).
   */
  readonly cloud_init_seed: 'intact' | 'missing' | 'modified' | null;
}

export interface NssvVmDiskPlanned {
  /**
   * The volume to attach.
   * Changing it replaces the resource.
   */
  volume_id: string;
  /**
   * Boot priority (1 boots first; set on several disks they boot in that order, disks without it do not boot). Default: the first disk boots. Changed in place: the domain is redefined and nssv restarts the VM.
   * @default null
   */
  boot_order: number | null;
  /**
   * Disk controller the guest sees: virtio (vda, vdb, …), scsi (virtio-scsi: sda, sdb, …) or sata (AHCI: sda, sdb, …). virtio and scsi disks are hot-plugged; adding a sata disk restarts the VM.
   * @default "virtio"
   * Changing it replaces the resource.
   */
  bus: 'virtio' | 'scsi' | 'sata';
}

export interface NssvVmNicPlanned {
  /**
   * The port group the NIC joins.
   * Changing it replaces the resource.
   */
  port_group_id: string;
  /**
   * MAC address in lower case. Default: derived from the VM name and NIC index (52:54:00:…).
   * Changing it replaces the resource.
   */
  mac: string;
  /**
   * IPv4 address inside the port group's cidr, handed to the guest by the port group's DHCP and by cloud-init. Default: allocated by nssv at plan time from the port group's dhcp range (else its cidr): the lowest free address, shown in the plan, kept in state and on the host, never given to another NIC while allocated; null when the port group has no cidr.
   * Changing it replaces the resource.
   */
  ip: string | null;
  /**
   * Security groups whose rules filter the NIC's traffic (at most 16). Default: none (no filtering). Changed in place.
   * @default []
   */
  security_group_ids: string[];
}

export interface NssvVmGuestNetworkPlanned {
  /**
   * Fixed IPv4 address with prefix length (nic ip and the port group's cidr); null: DHCP.
   */
  address?: string | null;
  /**
   * The port group's gateway, for a fixed address.
   */
  gateway?: string | null;
  /**
   * The port group's DNS servers.
   */
  dns_servers?: string[];
  /**
   * The port group's DNS domain (search domain).
   */
  dns_domain?: string | null;
}

/**
 * nssv_vm as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvVmPlanned {
  /**
   * Identifier other resources use to refer to this VM (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name; also the libvirt domain name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The cluster the VM runs in.
   * Changing it replaces the resource.
   */
  cluster_id: string;
  /**
   * Pin the VM to this host. Default: chosen by the scheduler at plan time.
   * Changing it replaces the resource.
   */
  host_id: string;
  /**
   * Virtual CPUs (1–64). Changed live (hot-plug) up to max_vcpus; beyond it, with a reboot.
   * @default 1
   */
  vcpus: number;
  /**
   * Most vCPUs the running VM can be given without a reboot (vCPU hot-plug). Default: vcpus (then any vCPU change needs a reboot). Changing it needs a reboot; it must be at least vcpus.
   * @default null
   */
  max_vcpus: number | null;
  /**
   * Memory in MiB (64–1048576). Changed live (balloon) up to max_memory_mib; beyond it, with a reboot.
   * @default 512
   */
  memory_mib: number;
  /**
   * Most memory in MiB the running VM can be given without a reboot (memory balloon). Default: memory_mib (then growing memory needs a reboot). Changing it needs a reboot; it must be at least memory_mib.
   * @default null
   */
  max_memory_mib: number | null;
  /**
   * running, shutoff (ACPI shutdown, forced off after the agent's shutdown timeout) or paused (the guest's vCPUs stopped, its memory kept). Changed in place.
   * @default "running"
   */
  power_state: 'running' | 'shutoff' | 'paused';
  /**
   * Disks, attached in order as vda, vdb, …; the first one boots (at most 26).
   * @default []
   */
  disk: NssvVmDiskPlanned[];
  /**
   * Network interfaces, in order (at most 16).
   * @default []
   */
  nic: NssvVmNicPlanned[];
  /**
   * Scheduling group whose policy places the VM. Default: none.
   * @default null
   */
  scheduling_group_id: string | null;
  /**
   * Place the VM only on hosts whose nssv_host.labels carry every one of these key/value pairs (e.g. { rack = "r1" }). A running VM whose host no longer matches is migrated. Default: any host.
   * @default {}
   */
  host_labels: Record<string, string>;
  /**
   * PCI devices of the VM's host passed through to the guest (GPUs, NICs…), by address (e.g. ["0000:65:00.0"]): each becomes a libvirt `<hostdev mode='subsystem' type='pci' managed='yes'>`, so libvirt detaches the device from its host driver (binding it to vfio-pci) when the VM starts and gives it back when it stops. The VM must be pinned with host_id; plan checks each device against the host's inventory (it must exist there and no other domain may use it). A VM with passthrough devices is never live-migrated: a host_id change, or a running one on a host in maintenance, is a plan error. Changing the list redefines the domain and restarts a running VM. Untested on real hardware: the machines nssv is tested on have no assignable device (IOMMU).
   * @default []
   */
  pci_passthrough: string[];
  /**
   * High availability: a crash of the VM (a guest kernel panic included, reported by a pvpanic device) restarts it on its host (libvirt's on_crash restart; the pvpanic device reaches an already running guest at its next boot); when the VM's host stops answering and every disk of the VM is on an rbd pool, the next plan restarts the VM on another host of its cluster (the old copy is fenced off its rbd disks first, and destroyed when that host answers again). Changed in place.
   * @default false
   */
  ha_enabled: boolean;
  /**
   * cloud-init user data (e.g. a #cloud-config document) on the VM's NoCloud seed (a CD-ROM). Sensitive. Changed in place: the seed is rewritten with a new instance id and cloud-init applies it on the VM's next boot, or at once when cloud_init_changes is reboot (the plan says which).
   * @default null
   * Sensitive.
   */
  user_data: string | null;
  /**
   * SSH public keys cloud-init installs for the image's default user (on the NoCloud seed). Sensitive. Changed in place: takes effect on the VM's next boot.
   * @default []
   * Sensitive.
   */
  ssh_authorized_keys: string[];
  /**
   * When a change to user_data, ssh_authorized_keys or the NICs' network config (guest_network) reaches a running VM: next_boot (the seed is rewritten with a new instance id and swapped into the VM's CD-ROM; cloud-init applies it when the guest next boots, and nssv does not restart it) or reboot (nssv shuts the VM down with ACPI and starts it again in the same apply, so cloud-init applies it now). Changed in place.
   * @default "next_boot"
   */
  cloud_init_changes: 'next_boot' | 'reboot';
  /**
   * What destroying the VM does, as in the seeds: delayed (the default: the domain is stopped and its definition, with its UUID, nssv metadata and cloud-init seed, kept in its host's trash for 7 days: `nssv trash restore` defines it again, `nssv trash purge` drops it; an apply that fails later restores it from there), immediate (the domain is undefined; an apply that fails later defines it again from its attributes) or never (plan refuses to delete or replace the VM: set another policy and apply first). Its volumes keep their own delete_policy. States written before delayed became the default (state format 1, provider schema version 1) read a recorded immediate as delayed: an unchanged configuration plans no change; one that sets immediate plans it once more, touching no host.
   * @default "delayed"
   */
  delete_policy: 'immediate' | 'delayed' | 'never';
  /**
   * Free-form key/value tags kept in the domain's metadata. Changed in place.
   * @default {}
   */
  tags: Record<string, string>;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
  /**
   * libvirt domain UUID; unchanged by in-place updates.
   */
  readonly uuid?: string;
  /**
   * What cloud-init tells the guest about each NIC (computed at plan time): a fixed address (nic ip with the port group's cidr prefix), gateway and DNS from the port group; address null means DHCP. Only on VMs with a seed (user_data, ssh_authorized_keys or a nic ip).
   */
  readonly guest_network?: NssvVmGuestNetworkPlanned[];
  /**
   * The VM's cloud-init seed (a NoCloud ISO in the agent's state directory) as its host reports it: intact, missing (deleted out of band) or modified (its bytes differ from what the agent wrote); null when the VM has no seed. Anything but intact is drift: the next apply rewrites the seed (the guest sees it on its next boot).
   */
  readonly cloud_init_seed?: 'intact' | 'missing' | 'modified' | null;
}

/**
 * A block volume in a storage pool. In a dir pool it is a file on one host: the host of the VM that attaches it, or host_id. In an rbd pool it is an RBD image every host of the cluster reaches.
 */
export interface NssvVolumeArgs {
  /**
   * Unique name; the file is <name>.<format> in the pool.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The pool that holds the volume.
   * Changing it replaces the resource.
   */
  pool_id: string;
  /**
   * Virtual size in GiB. Growing is done in place; shrinking is refused.
   */
  size_gib: number;
  /**
   * Disk image format. Default: qcow2 in a dir pool, raw in an rbd pool (an RBD image is a raw block device; its snapshots and clones are Ceph's).
   * Changing it replaces the resource.
   */
  format?: 'qcow2' | 'raw';
  /**
   * Create the volume from this image. Set at most one of source_image_id and source_snapshot_id; neither gives an empty volume.
   * @default null
   * Changing it replaces the resource.
   */
  source_image_id?: string | null;
  /**
   * Create the volume from this snapshot of another volume of the same pool (a linked or full copy, see clone_mode); the snapshot keeps existing on its volume.
   * @default null
   * Changing it replaces the resource.
   */
  source_snapshot_id?: string | null;
  /**
   * How a volume with a source is made: linked (a copy-on-write child: a qcow2 overlay on the image or snapshot in a dir pool, format qcow2; an rbd clone of the protected snapshot in an rbd pool), full (an independent copy: qemu-img convert to the volume's format, or rbd clone then flatten), or rapid (from an image: linked at once, then flattened in the background, clone_state shows the progress; from a snapshot it is a full copy). Ignored without a source.
   * @default "linked"
   * Changing it replaces the resource.
   */
  clone_mode?: 'linked' | 'full' | 'rapid';
  /**
   * What destroying the volume does to its data, as in the seeds: delayed (moved to the trash, with its snapshots: a dir pool's volume to its host's trash directory, an rbd volume to the Ceph pool's rbd trash; restorable with `nssv trash restore` and purged after 7 days), immediate (purged when the apply succeeds; until then it waits in the trash so a failed apply can bring it back with its data), never (plan refuses to delete or replace it: set another policy and apply first). In every case an apply that fails after the delete restores the volume with its data.
   * @default "delayed"
   */
  delete_policy?: 'immediate' | 'delayed' | 'never';
  /**
   * Host that holds a volume of a dir pool (changing it replaces the volume). Default: the host of the VM that attaches it. An rbd volume lives in the Ceph cluster: host_id only names the host whose agent manages it, and follows its VM in place; without a VM, nssv plan picks the first host (by name) of its pool's cluster that is not in maintenance.
   * Changing it replaces the resource.
   */
  host_id?: string;
}

/** nssv_volume as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvVolumeAttributes extends NssvVolumeArgs {
  /**
   * Identifier other resources use to refer to this volume (equal to name).
   */
  readonly id: string;
  /**
   * For a volume made from an image: linked (reads through to the image), flattening (a rapid clone being copied) or independent (no longer needs the image). null without a source.
   */
  readonly clone_state: 'linked' | 'flattening' | 'independent' | null;
}

/**
 * nssv_volume as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvVolumePlanned {
  /**
   * Identifier other resources use to refer to this volume (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name; the file is <name>.<format> in the pool.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The pool that holds the volume.
   * Changing it replaces the resource.
   */
  pool_id: string;
  /**
   * Virtual size in GiB. Growing is done in place; shrinking is refused.
   */
  size_gib: number;
  /**
   * Disk image format. Default: qcow2 in a dir pool, raw in an rbd pool (an RBD image is a raw block device; its snapshots and clones are Ceph's).
   * Changing it replaces the resource.
   */
  format: 'qcow2' | 'raw';
  /**
   * Create the volume from this image. Set at most one of source_image_id and source_snapshot_id; neither gives an empty volume.
   * @default null
   * Changing it replaces the resource.
   */
  source_image_id: string | null;
  /**
   * Create the volume from this snapshot of another volume of the same pool (a linked or full copy, see clone_mode); the snapshot keeps existing on its volume.
   * @default null
   * Changing it replaces the resource.
   */
  source_snapshot_id: string | null;
  /**
   * How a volume with a source is made: linked (a copy-on-write child: a qcow2 overlay on the image or snapshot in a dir pool, format qcow2; an rbd clone of the protected snapshot in an rbd pool), full (an independent copy: qemu-img convert to the volume's format, or rbd clone then flatten), or rapid (from an image: linked at once, then flattened in the background, clone_state shows the progress; from a snapshot it is a full copy). Ignored without a source.
   * @default "linked"
   * Changing it replaces the resource.
   */
  clone_mode: 'linked' | 'full' | 'rapid';
  /**
   * What destroying the volume does to its data, as in the seeds: delayed (moved to the trash, with its snapshots: a dir pool's volume to its host's trash directory, an rbd volume to the Ceph pool's rbd trash; restorable with `nssv trash restore` and purged after 7 days), immediate (purged when the apply succeeds; until then it waits in the trash so a failed apply can bring it back with its data), never (plan refuses to delete or replace it: set another policy and apply first). In every case an apply that fails after the delete restores the volume with its data.
   * @default "delayed"
   */
  delete_policy: 'immediate' | 'delayed' | 'never';
  /**
   * Host that holds a volume of a dir pool (changing it replaces the volume). Default: the host of the VM that attaches it. An rbd volume lives in the Ceph cluster: host_id only names the host whose agent manages it, and follows its VM in place; without a VM, nssv plan picks the first host (by name) of its pool's cluster that is not in maintenance.
   * Changing it replaces the resource.
   */
  host_id: string;
  /**
   * For a volume made from an image: linked (reads through to the image), flattening (a rapid clone being copied) or independent (no longer needs the image). null without a source.
   */
  readonly clone_state?: 'linked' | 'flattening' | 'independent' | null;
}

/**
 * A point-in-time snapshot of a volume. In a dir pool the volume must be qcow2: the snapshot is an external qcow2 layer, made with qemu-img, or live through libvirt when a running VM writes to the volume; deleting one pulls its data into the layers above it, live under a running VM too (virsh blockpull, blockcopy). In an rbd pool it is an rbd snapshot, taken live. A volume's snapshots form a chain: at most 128 in a dir pool, 32 in an rbd pool.
 */
export interface NssvVolumeSnapshotArgs {
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The volume to snapshot.
   * Changing it replaces the resource.
   */
  volume_id: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description?: string;
  /**
   * Raise it (0 → 1 → 2 …) to revert the volume to this snapshot: an explicit, planned update of the snapshot; the data written to the volume since the snapshot is lost, and a rollback cannot bring it back. No running VM may use the volume (stop it first with power_state = "shutoff").
   * @default 0
   */
  revert_serial?: number;
}

/** nssv_volume_snapshot as nssv records it: the arguments plus the attributes nssv computes. */
export interface NssvVolumeSnapshotAttributes extends NssvVolumeSnapshotArgs {
  /**
   * Identifier other resources use to refer to this snapshot (equal to name).
   */
  readonly id: string;
  /**
   * When the snapshot was taken (RFC 3339).
   */
  readonly created_at: string;
  /**
   * The pool of the volume (computed at plan time).
   */
  readonly volume_pool_id: string;
  /**
   * The host whose agent manages the volume (computed at plan time).
   */
  readonly volume_host_id: string;
}

/**
 * nssv_volume_snapshot as a resource handler gets it: defaults filled in, computed attributes resolved.
 */
export interface NssvVolumeSnapshotPlanned {
  /**
   * Identifier other resources use to refer to this snapshot (equal to name).
   */
  readonly id?: string;
  /**
   * Unique name.
   * Changing it replaces the resource.
   */
  name: string;
  /**
   * The volume to snapshot.
   * Changing it replaces the resource.
   */
  volume_id: string;
  /**
   * Free text shown in listings.
   * @default ""
   */
  description: string;
  /**
   * Raise it (0 → 1 → 2 …) to revert the volume to this snapshot: an explicit, planned update of the snapshot; the data written to the volume since the snapshot is lost, and a rollback cannot bring it back. No running VM may use the volume (stop it first with power_state = "shutoff").
   * @default 0
   */
  revert_serial: number;
  /**
   * When the snapshot was taken (RFC 3339).
   */
  readonly created_at?: string;
  /**
   * The pool of the volume (computed at plan time).
   */
  readonly volume_pool_id?: string;
  /**
   * The host whose agent manages the volume (computed at plan time).
   */
  readonly volume_host_id?: string;
}

/** Arguments of every resource type, by type name. */
export interface ResourceArgs {
  nssv_cluster: NssvClusterArgs;
  nssv_datacenter: NssvDatacenterArgs;
  nssv_distributed_switch: NssvDistributedSwitchArgs;
  nssv_host: NssvHostArgs;
  nssv_host_group: NssvHostGroupArgs;
  nssv_image: NssvImageArgs;
  nssv_image_storage: NssvImageStorageArgs;
  nssv_port_group: NssvPortGroupArgs;
  nssv_scheduling_group: NssvSchedulingGroupArgs;
  nssv_security_group: NssvSecurityGroupArgs;
  nssv_storage_pool: NssvStoragePoolArgs;
  nssv_vm: NssvVmArgs;
  nssv_volume: NssvVolumeArgs;
  nssv_volume_snapshot: NssvVolumeSnapshotArgs;
}

/** Planned attributes of every resource type, by type name. */
export interface ResourcePlanned {
  nssv_cluster: NssvClusterPlanned;
  nssv_datacenter: NssvDatacenterPlanned;
  nssv_distributed_switch: NssvDistributedSwitchPlanned;
  nssv_host: NssvHostPlanned;
  nssv_host_group: NssvHostGroupPlanned;
  nssv_image: NssvImagePlanned;
  nssv_image_storage: NssvImageStoragePlanned;
  nssv_port_group: NssvPortGroupPlanned;
  nssv_scheduling_group: NssvSchedulingGroupPlanned;
  nssv_security_group: NssvSecurityGroupPlanned;
  nssv_storage_pool: NssvStoragePoolPlanned;
  nssv_vm: NssvVmPlanned;
  nssv_volume: NssvVolumePlanned;
  nssv_volume_snapshot: NssvVolumeSnapshotPlanned;
}

export type ResourceType = keyof ResourceArgs;

export const RESOURCE_TYPES: readonly ResourceType[] = [
  'nssv_cluster',
  'nssv_datacenter',
  'nssv_distributed_switch',
  'nssv_host',
  'nssv_host_group',
  'nssv_image',
  'nssv_image_storage',
  'nssv_port_group',
  'nssv_scheduling_group',
  'nssv_security_group',
  'nssv_storage_pool',
  'nssv_vm',
  'nssv_volume',
  'nssv_volume_snapshot',
];
