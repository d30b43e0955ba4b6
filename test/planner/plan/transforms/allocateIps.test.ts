import { makePlan } from '../../../../planner/plan/makePlan.js';
import type { Plan } from '../../../../planner/plan/types.js';
import { emptyState, type State } from '../../../../planner/state/types.js';
import type { Attributes } from '../../../../core/values.js';
import type { DesiredInstance } from '../../../../planner/config/types.js';
import { desired, facts, vm, world } from '../../../helpers/desired.js';

/** The world with port group web given a subnet (and optionally a gateway and DHCP range). */
function subnetWorld(pg: Attributes = {}): DesiredInstance[] {
  return world().map((d) =>
    d.address === 'nssv_port_group.web'
      ? desired(
          'nssv_port_group.web',
          { name: 'web', switch_id: 'sw', cidr: '10.1.0.0/29', ...pg },
          d.dependsOn,
        )
      : d,
  );
}

function planFor(instances: DesiredInstance[], prior: State = emptyState('L')): Plan {
  return makePlan({ mode: 'normal', desired: instances, prior, live: new Map(), hostFacts: facts });
}

const ipOf = (plan: Plan, vmName: string): unknown =>
  (plan.changes.find((c) => c.address === `nssv_vm.${vmName}`)!.after!.nic as Attributes[])[0]!.ip;

function applied(plan: Plan): State {
  return {
    version: 1,
    serial: 1,
    lineage: 'L',
    resources: plan.changes
      .filter((c) => c.after)
      .map((c) => {
        const a: Attributes = { ...c.after! };
        if (c.type === 'nssv_vm') {
          a.uuid = `uuid-${a.name}`;
          a.nic = (a.nic as Attributes[]).map((n) => ({ ...n, mac: `52:54:00:00:00:${String(a.name)}` }));
        }
        if (c.type === 'nssv_host') Object.assign(a, { cpus: 2, memory_mib: 4096, domain_type: 'qemu' });
        return { address: c.address, type: c.type, attributes: a, dependencies: [], sensitivePaths: [] };
      }),
  };
}

describe('allocateIps', () => {
  test('GIVEN NICs without ip in a port group with a cidr and gateway WHEN planning THEN each gets the lowest free host address, skipping the gateway, in VM address order', () => {
    const plan = planFor([...subnetWorld({ gateway: '10.1.0.1' }), ...vm('b'), ...vm('a')]);
    expect(plan.diagnostics).toEqual([]);
    expect(ipOf(plan, 'a')).toBe('10.1.0.2');
    expect(ipOf(plan, 'b')).toBe('10.1.0.3');
  });

  test('GIVEN a dhcp range WHEN planning THEN addresses come from it', () => {
    const plan = planFor([...subnetWorld({ dhcp: [{ start: '10.1.0.5', end: '10.1.0.6' }] }), ...vm('a')]);
    expect(ipOf(plan, 'a')).toBe('10.1.0.5');
  });

  test('GIVEN the same input twice THEN the same addresses', () => {
    const input = [...subnetWorld(), ...vm('a'), ...vm('b')];
    expect(JSON.stringify(planFor(input))).toBe(JSON.stringify(planFor(input)));
  });

  test('GIVEN an applied state WHEN planning again THEN the addresses are kept and nothing changes', () => {
    const input = [...subnetWorld(), ...vm('a'), ...vm('b')];
    const plan = planFor(input, applied(planFor(input)));
    expect(plan.changes.filter((c) => c.action !== 'noop')).toEqual([]);
    expect(ipOf(plan, 'b')).toBe('10.1.0.2');
  });

  test('GIVEN a VM being destroyed in the same plan WHEN a new VM needs an address THEN the destroyed VM’s address is not reused', () => {
    const state = applied(planFor([...subnetWorld(), ...vm('a')]));
    const plan = planFor([...subnetWorld(), ...vm('c')], state);
    expect(plan.changes.find((c) => c.address === 'nssv_vm.a')!.action).toBe('delete');
    expect(ipOf(plan, 'c')).toBe('10.1.0.2');
    expect(plan.changes.find((c) => c.address === 'nssv_vm.a')!.before!.nic).toEqual([
      expect.objectContaining({ ip: '10.1.0.1' }),
    ]);
  });

  test('GIVEN a fixed ip held by another NIC WHEN planning THEN NSSV_IP_IN_USE names the holder', () => {
    const plan = planFor([
      ...subnetWorld(),
      ...vm('a', 512, { nic: [{ port_group_id: 'web', ip: '10.1.0.3' }] }),
      ...vm('b', 512, { nic: [{ port_group_id: 'web', ip: '10.1.0.3' }] }),
    ]);
    expect(plan.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_IP_IN_USE',
        'nssv_vm.b: nic[0].ip = "10.1.0.3" in port group "web" is already allocated to nssv_vm.a nic[0]',
      ],
    ]);
  });

  test('GIVEN the gateway as a fixed ip WHEN planning THEN NSSV_IP_RESERVED', () => {
    const plan = planFor([
      ...subnetWorld({ gateway: '10.1.0.1' }),
      ...vm('a', 512, { nic: [{ port_group_id: 'web', ip: '10.1.0.1' }] }),
    ]);
    expect(plan.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      ['NSSV_IP_RESERVED', 'nssv_vm.a: nic[0].ip = "10.1.0.1" is the gateway of port group "web"'],
    ]);
  });

  test('GIVEN more NICs than addresses WHEN planning THEN NSSV_IP_EXHAUSTED for the one left over', () => {
    const plan = planFor([
      ...subnetWorld({ dhcp: [{ start: '10.1.0.2', end: '10.1.0.2' }] }),
      ...vm('a'),
      ...vm('b'),
    ]);
    expect(plan.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_IP_EXHAUSTED',
        'nssv_vm.b: nic[0] needs an address, but every address of port group "web" (10.1.0.2–10.1.0.2) is allocated',
      ],
    ]);
  });

  test('GIVEN a port group without cidr WHEN planning THEN the NIC has no address', () => {
    const plan = planFor([...world(), ...vm('a')]);
    expect(ipOf(plan, 'a')).toBeNull();
  });
});
