resource "nssv_image" "debian" {
  name             = "debian-12"
  image_storage_id = nssv_image_storage.images.id
  source           = "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-generic-amd64.qcow2"
  sha256           = "0000000000000000000000000000000000000000000000000000000000000000"
}
