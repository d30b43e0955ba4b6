import { capacityOf } from '../../../planner/schedule/capacity.js';
import { Occupancy } from '../../../planner/schedule/occupancy.js';
import type { Rule } from '../../../planner/schedule/rule.js';
import { scheduleVm } from '../../../planner/schedule/scheduleVm.js';

const host = (name: string, memoryMiB = 4096, maintenance = false) =>
  capacityOf({ name, cluster: 'c', address: `nssv_host.${name}`, cpus: 4, memoryMiB, maintenance }, 1.5, 2);
const demand = { memoryMiB: 1024, vcpus: 1 };

describe('scheduleVm', () => {
  test('GIVEN overcommit 1.5 on memory WHEN a VM needs more than the physical memory THEN it still fits', () => {
    const got = scheduleVm([host('h1', 1024)], { demand: { memoryMiB: 1536, vcpus: 8 } }, new Occupancy());
    expect(got).toMatchObject({ ok: true, why: 'scatter: 0 VMs of the cluster there, 1536 MiB free' });
  });

  test('GIVEN a VM of the group on h1 and a preferred anti-affinity THEN h2 wins over the emptier h1', () => {
    const placed = new Occupancy();
    placed.add('h1', 'nssv_vm.a', 'g');
    const rule: Rule = { name: 'g', policy: 'vm-anti-affinity', mode: 'preferred' };
    const got = scheduleVm([host('h1', 8192), host('h2')], { demand, rule }, placed);
    expect(got.ok && [got.host.host.name, got.why]).toEqual(['h2', 'anti-affinity: g']);
  });

  test('GIVEN a volume on h2 WHEN h2 is in maintenance THEN every host is rejected with its reason', () => {
    const got = scheduleVm(
      [host('h1'), host('h2', 4096, true)],
      { demand, volumeHost: 'h2' },
      new Occupancy(),
    );
    expect(got).toEqual({
      ok: false,
      rejections: [
        { host: 'h1', why: "the VM's volume is on h2", byRule: false },
        { host: 'h2', why: 'in maintenance', byRule: false },
      ],
    });
  });

  test('GIVEN equal hosts THEN the first by name wins, whatever other VMs of other groups run', () => {
    const placed = new Occupancy();
    placed.add('h1', 'nssv_vm.x', 'other');
    const rule: Rule = { name: 'g', policy: 'vm-anti-affinity', mode: 'mandatory' };
    const got = scheduleVm([host('h1'), host('h2')], { demand, rule }, placed);
    expect(got.ok && got.host.host.name).toBe('h1');
  });
});
