resource "nssv_host_group" "gpu" {
  name       = "gpu"
  cluster_id = nssv_cluster.main.id
  host_ids   = [nssv_host.h1.id, nssv_host.h2.id]
}
