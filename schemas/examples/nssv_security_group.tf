resource "nssv_security_group" "web" {
  name          = "web"
  datacenter_id = nssv_datacenter.dc1.id

  rule {
    direction = "ingress"
    protocol  = "tcp"
    port_from = 443
    cidr      = "0.0.0.0/0"
  }
  rule {
    direction = "egress"
    protocol  = "all"
  }
}
