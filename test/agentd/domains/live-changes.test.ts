import type { DomainDefinition } from '../../../agentd/domains/definition.js';
import type { ParsedDomain } from '../../../agentd/domains/domain-parse.js';
import { liveChanges } from '../../../agentd/domains/live-changes.js';

const disk = {
  pool: 'p',
  volume: 'root',
  path: '/p/root.qcow2',
  format: 'qcow2' as const,
  target: 'vda',
  bus: 'virtio' as const,
  bootOrder: null,
};
const nic = {
  switch: 'lan',
  portGroup: 'web',
  vlanId: null,
  mac: '52:54:00:00:00:01',
  ip: null,
  securityGroups: [],
};
const live: ParsedDomain = {
  name: 'web1',
  uuid: 'u',
  type: 'qemu',
  address: 'nssv_vm.web1',
  vcpus: 1,
  maxVcpus: 2,
  memoryMiB: 512,
  maxMemoryMiB: 1024,
  disks: [disk],
  nics: [nic],
};
const want = (over: Partial<DomainDefinition>): DomainDefinition => ({
  ...live,
  address: 'nssv_vm.web1',
  type: 'qemu',
  ...over,
});

describe('liveChanges', () => {
  it('GIVEN vCPUs and memory within the maxima and a new NIC THEN all live', () => {
    const extra = { ...nic, mac: '52:54:00:00:00:02' };
    expect(liveChanges(live, want({ vcpus: 2, memoryMiB: 768, nics: [nic, extra] }))).toEqual({
      vcpus: 2,
      memoryMiB: 768,
      attachDisks: [],
      detachDisks: [],
      attachNics: [extra],
      detachNics: [],
    });
  });

  it('GIVEN a running domain whose crash action differs (HA turned on, or changed out of band) THEN the action is set live, no power cycle', () => {
    expect(liveChanges({ ...live, onCrash: 'destroy' }, want({ onCrash: 'restart' }))).toEqual({
      onCrash: 'restart',
      attachDisks: [],
      detachDisks: [],
      attachNics: [],
      detachNics: [],
    });
    expect(liveChanges({ ...live, onCrash: 'restart' }, want({ onCrash: 'destroy' }))).toEqual({
      onCrash: 'destroy',
      attachDisks: [],
      detachDisks: [],
      attachNics: [],
      detachNics: [],
    });
    expect(liveChanges({ ...live, onCrash: 'restart' }, want({ onCrash: 'restart' }))).toEqual({
      attachDisks: [],
      detachDisks: [],
      attachNics: [],
      detachNics: [],
    });
  });

  it('GIVEN a new maximum, a disk whose file changes or a seed added THEN cold (power cycle)', () => {
    expect(liveChanges(live, want({ maxMemoryMiB: 2048 }))).toBe('cold');
    expect(liveChanges(live, want({ disks: [{ ...disk, path: '/p/other.qcow2' }] }))).toBe('cold');
    expect(liveChanges(live, want({ seed: { path: '/s/web1.iso', instanceId: 'i' } }))).toBe('cold');
  });

  it('GIVEN a disk whose bus or boot order changes THEN cold (the firmware reads boot order at boot)', () => {
    expect(liveChanges(live, want({ disks: [{ ...disk, bus: 'sata', target: 'sda' }] }))).toBe('cold');
    expect(liveChanges(live, want({ disks: [{ ...disk, bootOrder: 1 }] }))).toBe('cold');
  });

  it('GIVEN a new sata disk, or the first scsi disk (no controller yet) THEN cold; a further scsi disk is hot-plugged', () => {
    const sata = { ...disk, volume: 'd', path: '/p/d.qcow2', bus: 'sata' as const, target: 'sda' };
    expect(liveChanges(live, want({ disks: [disk, sata] }))).toBe('cold');
    const scsi = { ...sata, bus: 'scsi' as const };
    expect(liveChanges(live, want({ disks: [disk, scsi] }))).toBe('cold');
    const scsi2 = { ...scsi, volume: 'e', path: '/p/e.qcow2', target: 'sdb' };
    const withScsi = { ...live, disks: [disk, scsi] };
    expect(liveChanges(withScsi, want({ disks: [disk, scsi, scsi2] }))).toEqual({
      attachDisks: [scsi2],
      detachDisks: [],
      attachNics: [],
      detachNics: [],
    });
  });
});
