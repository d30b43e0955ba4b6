import { SCHEMA_VERSION, upgradeAttributes } from '../../../../provider/tfplugin/resources/upgrade.js';

describe('state upgrade', () => {
  it('GIVEN a version 0 VM (nssv.tfstate shape: defaults absent, no id, an attribute gone) WHEN upgraded THEN version 1 has them all', () => {
    const v0 = { name: 'web1', cluster_id: 'c', host_id: 'h1', memory_mib: 256, uuid: 'u', retired: true };
    expect(SCHEMA_VERSION).toBe(1);
    expect(upgradeAttributes('nssv_vm', 0, v0)).toEqual({
      name: 'web1',
      id: 'web1',
      cluster_id: 'c',
      host_id: 'h1',
      host_labels: {},
      memory_mib: 256,
      uuid: 'u',
      vcpus: 1,
      max_vcpus: null,
      max_memory_mib: null,
      power_state: 'running',
      disk: [],
      nic: [],
      pci_passthrough: [],
      scheduling_group_id: null,
      ha_enabled: false,
      user_data: null,
      ssh_authorized_keys: [],
      cloud_init_changes: 'next_boot',
      delete_policy: 'immediate',
      tags: {},
      description: '',
    });
  });

  it('GIVEN a version 1 state THEN it is kept as it is', () => {
    const v1 = { name: 'web1', id: 'web1' };
    expect(upgradeAttributes('nssv_vm', 1, v1)).toBe(v1);
  });
});
