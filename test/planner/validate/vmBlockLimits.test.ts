import { validateInstances } from '../../../planner/validate/validateInstances.js';
import { instance } from './instance.js';

const vm = (attrs: Record<string, unknown>) =>
  instance('nssv_vm.web', { name: 'web', cluster_id: 'c1', ...attrs } as never, {});

describe('VM disk and NIC counts (the agent API borrows these limits)', () => {
  it('GIVEN 26 disks and 16 NICs WHEN validated THEN nothing is reported', () => {
    const disk = Array.from({ length: 26 }, (_, i) => ({ volume_id: `v${i}` }));
    const nic = Array.from({ length: 16 }, () => ({ port_group_id: 'pg' }));
    expect(validateInstances([vm({ disk, nic })])).toEqual([]);
  });

  it('GIVEN 27 disks WHEN validated THEN plan refuses them before any agent does', () => {
    const disk = Array.from({ length: 27 }, (_, i) => ({ volume_id: `v${i}` }));
    const [d, ...rest] = validateInstances([vm({ disk })]);
    expect(rest).toEqual([]);
    expect(`${d?.code} ${d?.summary} ${d?.detail}`).toBe(
      'NSSV_SCHEMA_COUNT nssv_vm.web: disk has 27 disk blocks, but at most 26 are allowed. Allowed: at most 26 disk blocks. Fix: remove disk blocks until there are at most 26.',
    );
  });
});
