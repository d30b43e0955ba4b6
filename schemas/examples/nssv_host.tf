variable "h1_token" {
  type      = string
  sensitive = true
}

resource "nssv_host" "h1" {
  name       = "h1"
  cluster_id = nssv_cluster.main.id
  endpoint   = "http://10.0.0.11:7400"
  token      = var.h1_token
  labels = {
    rack    = "r1"
    chassis = "c1"
  }
}
