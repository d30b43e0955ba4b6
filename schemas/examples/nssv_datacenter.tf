resource "nssv_datacenter" "dc1" {
  name        = "dc1"
  description = "Main site"
}
