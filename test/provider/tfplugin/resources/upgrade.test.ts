import { SCHEMA_VERSION, upgradeAttributes } from '../../../../provider/tfplugin/resources/upgrade.js';

describe('state upgrade', () => {
  it('GIVEN a version 0 VM (nssv.tfstate shape: defaults absent, no id, an attribute gone) WHEN upgraded THEN the current version has them all, delete_policy at the new default', () => {
    const v0 = { name: 'web1', cluster_id: 'c', host_id: 'h1', memory_mib: 256, uuid: 'u', retired: true };
    expect(SCHEMA_VERSION).toBe(2);
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
      delete_policy: 'delayed',
      tags: {},
      description: '',
    });
  });

  it('GIVEN version 1 VMs and images that recorded "immediate" (then the default) WHEN upgraded THEN "delayed", the seeds\' default; "never" and volumes are kept', () => {
    expect(upgradeAttributes('nssv_vm', 1, { name: 'web1', id: 'web1', delete_policy: 'immediate' })).toEqual(
      {
        name: 'web1',
        id: 'web1',
        delete_policy: 'delayed',
      },
    );
    expect(upgradeAttributes('nssv_image', 1, { name: 'i', delete_policy: 'immediate' })).toEqual({
      name: 'i',
      delete_policy: 'delayed',
    });
    const never = { name: 'web1', delete_policy: 'never' };
    expect(upgradeAttributes('nssv_vm', 1, never)).toBe(never);
    const volume = { name: 'v', delete_policy: 'immediate' };
    expect(upgradeAttributes('nssv_volume', 1, volume)).toBe(volume);
  });

  it('GIVEN a version 2 state THEN it is kept as it is (an explicit "immediate" stays)', () => {
    const v2 = { name: 'web1', id: 'web1', delete_policy: 'immediate' };
    expect(upgradeAttributes('nssv_vm', 2, v2)).toBe(v2);
  });
});
