resource "nssv_image_storage" "images" {
  name          = "images"
  datacenter_id = nssv_datacenter.dc1.id
  cluster_id    = nssv_cluster.main.id
}
