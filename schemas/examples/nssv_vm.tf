resource "nssv_vm" "web" {
  count               = 2
  name                = "web-${count.index}"
  cluster_id          = nssv_cluster.main.id
  vcpus               = 2
  memory_mib          = 2048
  scheduling_group_id = nssv_scheduling_group.web.id
  ha_enabled          = true
  ssh_authorized_keys = [file("~/.ssh/id_ed25519.pub")]
  user_data           = file("cloud-init.yaml")

  disk {
    volume_id = nssv_volume.web_root[count.index].id
  }

  nic {
    port_group_id      = nssv_port_group.web.id
    ip                 = "10.10.0.${10 + count.index}"
    security_group_ids = [nssv_security_group.web.id]
  }
}
