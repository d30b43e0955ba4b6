/**
 * The benchmark configuration: one HCL file whose count / for_each expand to exactly `total`
 * resource instances — hosts, port groups, root and data volumes, and VMs that reference them —
 * using variables, locals, for expressions, templates, function calls and nested blocks.
 */

export interface Shape {
  hosts: number;
  portGroups: number;
  vms: number;
  /** Data volumes (for_each over a for expression). */
  dataVolumes: number;
}

/** Four singletons (data center, cluster, switch, pool) plus the expanded resources. */
export const SINGLETONS = 4;

export function shapeFor(total: number, hosts = 300, portGroups = 100): Shape {
  const rest = total - SINGLETONS - hosts - portGroups;
  if (rest < 3)
    throw new Error(`total ${total} is too small for ${hosts} hosts and ${portGroups} port groups`);
  const vms = Math.floor(rest / 3);
  return { hosts, portGroups, vms, dataVolumes: rest - 2 * vms };
}

export function instanceCount(s: Shape): number {
  return SINGLETONS + s.hosts + s.portGroups + 2 * s.vms + s.dataVolumes;
}

export function configText(s: Shape): string {
  return `
variable "host_count" {
  type    = number
  default = ${s.hosts}
}

variable "vm_count" {
  type    = number
  default = ${s.vms}
}

variable "racks" {
  type    = list(string)
  default = ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"]
}

variable "vm" {
  type = object({
    vcpus      = number
    memory_mib = number
  })
  default = { vcpus = 1, memory_mib = 512 }
}

locals {
  vlans      = { for i in range(${s.portGroups}) : format("pg-%03d", i) => 100 + i }
  vlan_names = keys(local.vlans)
  root_sizes = [10, 20, 40]
  # range() stops at 1024 values (as in Terraform), so the data volume numbers come in blocks.
  data_ids = flatten([for blk in range(${Math.ceil(s.dataVolumes / 1000)}) : [for j in range(1000) : blk * 1000 + j if blk * 1000 + j < ${s.dataVolumes}]])
  data     = { for i in local.data_ids : "data-\${i}" => { size = 1 + i % 50, host = i % var.host_count } }
}

resource "nssv_datacenter" "dc" {
  name = "dc"
}

resource "nssv_cluster" "c" {
  name                    = "c"
  datacenter_id           = nssv_datacenter.dc.id
  cpu_overcommit_ratio    = 4.0
  memory_overcommit_ratio = 2.0
}

resource "nssv_host" "h" {
  count      = var.host_count
  name       = "h\${count.index}"
  cluster_id = nssv_cluster.c.id
  endpoint   = "http://10.\${floor(count.index / 250)}.\${count.index % 250}.1:7400"
  token      = sha256("host-\${count.index}")
  labels = {
    rack = var.racks[count.index % length(var.racks)]
  }
}

resource "nssv_distributed_switch" "sw" {
  name          = "sw"
  datacenter_id = nssv_datacenter.dc.id
  cluster_ids   = [nssv_cluster.c.id]
  transport     = "vlan"
}

resource "nssv_port_group" "pg" {
  for_each  = local.vlans
  name      = each.key
  switch_id = nssv_distributed_switch.sw.id
  vlan_id   = each.value
}

resource "nssv_storage_pool" "p" {
  name       = "p"
  kind       = "dir"
  cluster_id = nssv_cluster.c.id
}

resource "nssv_volume" "root" {
  count    = var.vm_count
  name     = "root-\${count.index}"
  pool_id  = nssv_storage_pool.p.id
  size_gib = local.root_sizes[count.index % length(local.root_sizes)]
}

resource "nssv_volume" "data" {
  for_each = local.data
  name     = each.key
  pool_id  = nssv_storage_pool.p.id
  size_gib = each.value.size
  # a dir-pool volume attached to no VM lives on the host it names
  host_id = nssv_host.h[each.value.host].id
}

resource "nssv_vm" "vm" {
  count      = var.vm_count
  name       = format("vm-%05d", count.index)
  cluster_id = nssv_cluster.c.id
  vcpus      = var.vm.vcpus
  memory_mib = count.index % 10 == 0 ? var.vm.memory_mib * 2 : var.vm.memory_mib
  tags = {
    tier = count.index % 2 == 0 ? "web" : "app"
  }

  disk {
    volume_id = nssv_volume.root[count.index].id
  }

  nic {
    port_group_id = nssv_port_group.pg[local.vlan_names[count.index % length(local.vlan_names)]].id
  }
}
`;
}
