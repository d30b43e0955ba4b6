resource "nssv_volume_snapshot" "before_upgrade" {
  name      = "db-before-upgrade"
  volume_id = nssv_volume.db.id
}
