resource "nssv_port_group" "web" {
  name        = "web"
  switch_id   = nssv_distributed_switch.prod.id
  vni         = 5001
  cidr        = "10.10.0.0/24"
  gateway     = "10.10.0.1"
  dns_servers = ["10.0.0.53"]
  dns_domain  = "lab.example.com"

  dhcp {
    start = "10.10.0.100"
    end   = "10.10.0.199"
  }
}
