import { vmDisruption } from '../../../../planner/plan/transforms/labelDisruption.js';
import type { Attributes } from '../../../../core/values.js';

const vm = (over: Attributes = {}): Attributes => ({
  name: 'web1',
  vcpus: 1,
  memory_mib: 512,
  max_vcpus: null,
  max_memory_mib: 1024,
  power_state: 'running',
  user_data: '#cloud-config\n',
  nic: [{ port_group_id: 'web', ip: '10.0.0.5' }],
  guest_network: [{ address: '10.0.0.5/24', gateway: null, dns_servers: [], dns_domain: null }],
  tags: {},
  ...over,
});

describe('vmDisruption', () => {
  it('GIVEN a PCI passthrough device added THEN reboot: passthrough devices are not hot-plugged', () => {
    expect(vmDisruption(vm(), vm({ pci_passthrough: ['0000:65:00.0'] }))).toEqual({
      label: 'reboot',
      why: 'pci_passthrough changes: passthrough devices are defined, not hot-plugged: nssv restarts the VM',
    });
  });

  it('GIVEN memory within max_memory_mib THEN live, naming the balloon and the maximum', () => {
    expect(vmDisruption(vm(), vm({ memory_mib: 768 }))).toEqual({
      label: 'live',
      why: 'memory_mib 512 -> 768 in place (memory balloon, up to max_memory_mib 1024)',
    });
  });

  it('GIVEN vcpus beyond its maximum (max_vcpus unset) THEN reboot', () => {
    expect(vmDisruption(vm(), vm({ vcpus: 2 }))).toEqual({
      label: 'reboot',
      why: 'vcpus 1 -> 2 needs a new maximum (max_vcpus 1 -> 2): nssv restarts the VM',
    });
  });

  it('GIVEN user data THEN reboot: takes effect on the next boot, nssv does not restart the VM', () => {
    expect(vmDisruption(vm(), vm({ user_data: '#cloud-config\nruncmd: []\n' }))).toEqual({
      label: 'reboot',
      why: 'user_data: the cloud-init seed is rewritten with a new instance id; takes effect on the next boot (nssv does not restart the VM)',
    });
  });

  it('GIVEN user data with cloud_init_changes = "reboot" THEN reboot: nssv restarts the VM so cloud-init applies it now', () => {
    const before = vm({ cloud_init_changes: 'reboot' });
    expect(vmDisruption(before, { ...before, user_data: '#cloud-config\nruncmd: []\n' })).toEqual({
      label: 'reboot',
      why: 'user_data: the cloud-init seed is rewritten with a new instance id and nssv restarts the VM so cloud-init applies it now (cloud_init_changes = "reboot")',
    });
  });

  it('GIVEN a seed changed out of band (cloud_init_seed modified) THEN live: written again with the same content', () => {
    expect(vmDisruption(vm({ cloud_init_seed: 'modified' }), vm({ cloud_init_seed: 'intact' }))).toEqual({
      label: 'live',
      why: 'cloud_init_seed modified -> intact: the seed changed out of band is written again with the same content (the running guest is not touched)',
    });
  });

  it('GIVEN a missing seed and new user data THEN only the user data change is reported (the rewrite covers both)', () => {
    expect(
      vmDisruption(
        vm({ cloud_init_seed: 'missing' }),
        vm({ cloud_init_seed: 'intact', user_data: '#cloud-config\nruncmd: []\n' }),
      ),
    ).toEqual({
      label: 'reboot',
      why: 'user_data: the cloud-init seed is rewritten with a new instance id; takes effect on the next boot (nssv does not restart the VM)',
    });
  });

  it('GIVEN cloud_init_changes alone THEN live', () => {
    expect(vmDisruption(vm(), vm({ cloud_init_changes: 'reboot' }))).toEqual({
      label: 'live',
      why: 'cloud_init_changes changes in place',
    });
  });

  it('GIVEN a NIC appended THEN live hot-plug, its seed entry noted', () => {
    const after = vm({
      nic: [{ port_group_id: 'web', ip: '10.0.0.5' }, { port_group_id: 'web' }],
      guest_network: [
        { address: '10.0.0.5/24', gateway: null, dns_servers: [], dns_domain: null },
        { address: null, gateway: null, dns_servers: [], dns_domain: null },
      ],
    });
    expect(vmDisruption(vm(), after)).toEqual({
      label: 'live',
      why: 'NIC hot-plugged (nic: 1 -> 2); its cloud-init network config applies on the next boot',
    });
  });

  it('GIVEN several changes THEN the most disruptive label, every reason listed', () => {
    expect(vmDisruption(vm(), vm({ memory_mib: 600, power_state: 'shutoff', max_vcpus: 4 }))).toEqual({
      label: 'reboot',
      why: 'vcpus 1 -> 1 needs a new maximum (max_vcpus 1 -> 4): nssv restarts the VM; memory_mib 512 -> 600 in place (memory balloon, up to max_memory_mib 1024); power_state running -> shutoff',
    });
  });
});
