resource "nssv_cluster" "main" {
  name                    = "main"
  datacenter_id           = nssv_datacenter.dc1.id
  cpu_overcommit_ratio    = 2.0
  memory_overcommit_ratio = 1.0
  ha_enabled              = true
}
