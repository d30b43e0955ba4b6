import { checkNicReach, type PortGroupReach } from '../../../../planner/plan/checks/nicReach.js';

const groups: Record<string, PortGroupReach> = {
  web: { name: 'web', switchName: 'sw1', clusters: ['c'], hosts: ['h1', 'h2'] },
  db: { name: 'db', switchName: 'sw2', clusters: ['c2'], hosts: ['h3'] },
  loose: { name: 'loose', switchName: 'sw3' },
};
const vm = (host: string | undefined, ...pgs: string[]) => ({
  address: 'nssv_vm.a',
  cluster: 'c',
  host,
  nics: pgs.map((port_group_id) => ({ port_group_id })),
  range: () => undefined,
});

describe('checkNicReach', () => {
  test('GIVEN a placed VM WHEN a NIC port group does not reach its host THEN the NIC and host are named', () => {
    expect(checkNicReach(vm('h1', 'web', 'db'), (id) => groups[id]).map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_PORT_GROUP_NOT_ON_HOST',
        'nssv_vm.a: nic[1].port_group_id = "db" belongs to switch "sw2", which does not reach host "h1" of the VM\'s cluster "c"',
      ],
    ]);
  });

  test('GIVEN a VM not placed yet WHEN a NIC switch does not span its cluster THEN the cluster is named', () => {
    expect(checkNicReach(vm(undefined, 'db'), (id) => groups[id]).map((d) => d.summary)).toEqual([
      'nssv_vm.a: nic[0].port_group_id = "db" belongs to switch "sw2", which does not span the VM\'s cluster "c"',
    ]);
    expect(checkNicReach(vm(undefined, 'db'), (id) => groups[id])[0]!.attribute).toBe('nic[0].port_group_id');
  });

  test('GIVEN port groups that reach, are unknown or whose span is not known THEN nothing is reported', () => {
    expect(checkNicReach(vm('h2', 'web', 'nope', 'loose'), (id) => groups[id])).toEqual([]);
    expect(checkNicReach(vm(undefined, 'web', 'loose'), (id) => groups[id])).toEqual([]);
  });
});
