resource "nssv_volume" "root" {
  name            = "web-root"
  pool_id         = nssv_storage_pool.local.id
  size_gib        = 20
  source_image_id = nssv_image.debian.id
  clone_mode      = "linked"
  delete_policy   = "delayed"
}
