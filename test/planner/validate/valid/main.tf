resource "nssv_datacenter" "dc1" {
  name = "dc1"
}

resource "nssv_cluster" "main" {
  name                 = "main"
  datacenter_id        = nssv_datacenter.dc1.id
  cpu_overcommit_ratio = 2.0
}

resource "nssv_host" "h1" {
  name       = "h1"
  cluster_id = nssv_cluster.main.id
  endpoint   = "http://10.0.0.11:7400"
  token      = "0123456789abcdef0123"
  labels     = { rack = "r1" }
}

resource "nssv_host" "h2" {
  name       = "h2"
  cluster_id = nssv_cluster.main.id
  endpoint   = "http://10.0.0.12:7400"
  token      = "0123456789abcdef0123"
  labels     = { rack = "r2" }
}

resource "nssv_host_group" "gpu" {
  name       = "gpu"
  cluster_id = nssv_cluster.main.id
  host_ids   = [nssv_host.h1.id]
}

resource "nssv_distributed_switch" "sw" {
  name          = "sw"
  datacenter_id = nssv_datacenter.dc1.id
  cluster_ids   = [nssv_cluster.main.id]
}

resource "nssv_distributed_switch" "ov" {
  name          = "ov"
  datacenter_id = nssv_datacenter.dc1.id
  cluster_ids   = [nssv_cluster.main.id]
  transport     = "vxlan"
}

resource "nssv_port_group" "web" {
  name      = "web"
  switch_id = nssv_distributed_switch.sw.id
  vlan_id   = 100
  cidr      = "10.0.0.0/24"
  gateway   = "10.0.0.1"

  dhcp {
    start = "10.0.0.100"
    end   = "10.0.0.199"
  }
}

resource "nssv_port_group" "app" {
  name      = "app"
  switch_id = nssv_distributed_switch.ov.id
  vni       = 5001
}

resource "nssv_security_group" "web" {
  name          = "web"
  datacenter_id = nssv_datacenter.dc1.id

  rule {
    direction = "ingress"
    protocol  = "tcp"
    port_from = 443
    cidr      = "0.0.0.0/0"
  }
}

resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.main.id
}

resource "nssv_storage_pool" "ceph" {
  name           = "ceph"
  kind           = "rbd"
  cluster_id     = nssv_cluster.main.id
  replicas       = 3
  failure_domain = "rack"
}

resource "nssv_image_storage" "images" {
  name          = "images"
  datacenter_id = nssv_datacenter.dc1.id
  cluster_id    = nssv_cluster.main.id
}

resource "nssv_image" "debian" {
  name             = "debian"
  image_storage_id = nssv_image_storage.images.id
  source           = "/srv/images/debian.qcow2"
}

resource "nssv_volume" "root" {
  name            = "root"
  pool_id         = nssv_storage_pool.local.id
  size_gib        = 20
  source_image_id = nssv_image.debian.id
}

resource "nssv_volume_snapshot" "snap" {
  name      = "snap"
  volume_id = nssv_volume.root.id
}

resource "nssv_scheduling_group" "spread" {
  name       = "spread"
  cluster_id = nssv_cluster.main.id
  policy     = "vm-anti-affinity"
}

resource "nssv_vm" "web" {
  name                = "web"
  cluster_id          = nssv_cluster.main.id
  vcpus               = 2
  memory_mib          = 1024
  scheduling_group_id = nssv_scheduling_group.spread.id

  disk {
    volume_id = nssv_volume.root.id
  }

  nic {
    port_group_id      = nssv_port_group.web.id
    ip                 = "10.0.0.10"
    security_group_ids = [nssv_security_group.web.id]
  }
}
