import type { DomainDefinition } from '../../../agentd/domains/definition.js';
import type { ParsedDomain } from '../../../agentd/domains/domain-parse.js';
import { liveChanges } from '../../../agentd/domains/live-changes.js';

const disk = { pool: 'p', volume: 'root', path: '/p/root.qcow2', format: 'qcow2' as const, target: 'vda' };
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

  it('GIVEN a new maximum, a disk whose file changes or a seed added THEN cold (power cycle)', () => {
    expect(liveChanges(live, want({ maxMemoryMiB: 2048 }))).toBe('cold');
    expect(liveChanges(live, want({ disks: [{ ...disk, path: '/p/other.qcow2' }] }))).toBe('cold');
    expect(liveChanges(live, want({ seed: { path: '/s/web1.iso', instanceId: 'i' } }))).toBe('cold');
  });
});
