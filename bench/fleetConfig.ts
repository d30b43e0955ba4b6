import type { StandIn } from './standinAgent.js';

/**
 * The configuration the scale benchmarks and the kill-recovery test apply: a data center, a
 * cluster, one host per stand-in agent, a switch with one port group, a dir pool and `vms` VMs
 * with a volume each (21 instances per 10 VMs plus 5, plus the hosts). `forTerraform` adds the
 * terraform/provider blocks (the hosts then carry their cluster for the provider).
 *
 * Each VM names its volume by its id (a volume's id is its name) and waits for the volumes with
 * `depends_on`, instead of `nssv_volume.root[count.index].id`: Terraform 1.11 builds the whole
 * counted object for every such reference (Terraform issue 26355), which is quadratic in the count
 * (`terraform plan` at 10,000 instances did not finish in 90 min). The same resources, dependencies
 * and placement for both front doors.
 */
export function fleetConfig(standIns: readonly StandIn[], vms: number, forTerraform = false): string {
  const cluster = forTerraform ? 'cluster_id = "c", ' : '';
  const hosts = standIns
    .map((h) => `    ${h.name} = { ${cluster}endpoint = "${h.endpoint}", token = "${h.token}" }`)
    .join('\n');
  const terraform = forTerraform
    ? `terraform {
  required_providers {
    nssv = { source = "nssv/nssv" }
  }
}

`
    : '';
  const provider = forTerraform
    ? `
provider "nssv" {
  hosts = local.hosts
}
`
    : '';
  return `${terraform}locals {
  hosts = {
${hosts}
  }
}
${provider}
resource "nssv_datacenter" "dc" {
  name = "dc"
}

resource "nssv_cluster" "c" {
  name          = "c"
  datacenter_id = nssv_datacenter.dc.id
}

resource "nssv_host" "h" {
  for_each   = local.hosts
  name       = each.key
  cluster_id = nssv_cluster.c.id
  endpoint   = each.value.endpoint
  token      = each.value.token
}

resource "nssv_distributed_switch" "lan" {
  name          = "lan"
  datacenter_id = nssv_datacenter.dc.id
  cluster_ids   = [nssv_cluster.c.id]
}

resource "nssv_port_group" "web" {
  name      = "web"
  switch_id = nssv_distributed_switch.lan.id
  vlan_id   = 100
}

resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.c.id
}

resource "nssv_volume" "root" {
  count    = ${vms}
  name     = "root-\${count.index}"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
}

variable "first_vm_memory_mib" {
  type    = number
  default = 64
}

resource "nssv_vm" "vm" {
  count      = ${vms}
  name       = "vm-\${count.index}"
  cluster_id = nssv_cluster.c.id
  memory_mib = count.index == 0 ? var.first_vm_memory_mib : 64
  depends_on = [nssv_volume.root]
  disk {
    volume_id = "root-\${count.index}"
  }
  nic {
    port_group_id = nssv_port_group.web.id
  }
}
`;
}
