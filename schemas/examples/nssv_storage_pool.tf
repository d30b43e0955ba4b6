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
  recovery_qos   = "slow"
  quota_gib      = 10240
}

resource "nssv_storage_pool" "archive" {
  name       = "archive"
  kind       = "rbd"
  cluster_id = nssv_cluster.main.id

  erasure_code {
    k = 4
    m = 2
  }
}
