# A small data center in HCL: one distributed switch with two VLAN port groups, a directory pool,
# and three VMs with a disk each. examples/cdk-datacenter describes the same data center as CDK
# constructs; `nssv plan -json` of both shows the same resource changes.
#
# The data center, the cluster and the hosts come from sandbox.tf, which
# `nssv sandbox up --hosts 2 --emit examples/hcl-datacenter` writes next to this file.

resource "nssv_distributed_switch" "lan" {
  name          = "lan"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
  mtu           = 1500
}

resource "nssv_port_group" "web" {
  name      = "web"
  switch_id = nssv_distributed_switch.lan.id
  vlan_id   = 100
}

resource "nssv_port_group" "db" {
  name      = "db"
  switch_id = nssv_distributed_switch.lan.id
  vlan_id   = 200
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

resource "nssv_vm" "web1" {
  name       = "web1"
  cluster_id = nssv_cluster.sandbox.id
  memory_mib = 128

  disk {
    volume_id = nssv_volume.web1_root.id
  }
  nic {
    port_group_id = nssv_port_group.web.id
  }
}

resource "nssv_volume" "web2_root" {
  name     = "web2-root"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
}

resource "nssv_vm" "web2" {
  name       = "web2"
  cluster_id = nssv_cluster.sandbox.id
  memory_mib = 128

  disk {
    volume_id = nssv_volume.web2_root.id
  }
  nic {
    port_group_id = nssv_port_group.web.id
  }
}

resource "nssv_volume" "db1_root" {
  name     = "db1-root"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 2
}

resource "nssv_vm" "db1" {
  name       = "db1"
  cluster_id = nssv_cluster.sandbox.id
  vcpus      = 2
  memory_mib = 192

  disk {
    volume_id = nssv_volume.db1_root.id
  }
  nic {
    port_group_id = nssv_port_group.db.id
  }
  nic {
    port_group_id = nssv_port_group.web.id
  }
}
