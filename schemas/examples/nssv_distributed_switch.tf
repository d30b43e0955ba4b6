resource "nssv_distributed_switch" "prod" {
  name          = "prod"
  datacenter_id = nssv_datacenter.dc1.id
  cluster_ids   = [nssv_cluster.main.id]
  mtu           = 9000
  transport     = "vxlan"
  uplinks       = ["eth1", "eth2"]
  bond_mode     = "balance-tcp"

  lacp {
    mode = "active"
    rate = "fast"
  }
}
