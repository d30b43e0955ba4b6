# Quick start: one switch with a VLAN port group, a directory pool, and two VMs each with a
# qcow2 disk and a NIC on the port group.
#
# The data center, the cluster and the hosts come from sandbox.tf, which
# `nssv sandbox up --hosts 2 --emit examples/quickstart` writes next to this file.

variable "vm_memory_mib" {
  type        = number
  default     = 128
  description = "Memory of each VM, in MiB."
}

variable "web_vlan" {
  type        = number
  default     = 100
  description = "VLAN tag of the web port group."
}

resource "nssv_distributed_switch" "lan" {
  name          = "lan"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
  mtu           = 1500
}

resource "nssv_port_group" "web" {
  name      = "web"
  switch_id = nssv_distributed_switch.lan.id
  vlan_id   = var.web_vlan
}

resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}

resource "nssv_volume" "web1_root" {
  name     = "web1-root"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
}

resource "nssv_volume" "web2_root" {
  name     = "web2-root"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
}

resource "nssv_vm" "web1" {
  name       = "web1"
  cluster_id = nssv_cluster.sandbox.id
  vcpus      = 1
  memory_mib = var.vm_memory_mib

  disk {
    volume_id = nssv_volume.web1_root.id
  }

  nic {
    port_group_id = nssv_port_group.web.id
  }
}

resource "nssv_vm" "web2" {
  name       = "web2"
  cluster_id = nssv_cluster.sandbox.id
  vcpus      = 1
  memory_mib = var.vm_memory_mib

  disk {
    volume_id = nssv_volume.web2_root.id
  }

  nic {
    port_group_id = nssv_port_group.web.id
  }
}

output "placement" {
  description = "Which host each VM was placed on."
  value       = { for vm in [nssv_vm.web1, nssv_vm.web2] : vm.name => vm.host_id }
}

output "web1_uuid" {
  description = "libvirt domain UUID of web1."
  value       = nssv_vm.web1.uuid
}
