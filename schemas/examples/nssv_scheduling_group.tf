resource "nssv_scheduling_group" "web" {
  name       = "web"
  cluster_id = nssv_cluster.main.id
  policy     = "vm-anti-affinity"
  mode       = "mandatory"
}
