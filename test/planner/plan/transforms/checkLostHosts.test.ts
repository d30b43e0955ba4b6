import type { Attributes } from '../../../../core/values.js';
import type { DesiredInstance } from '../../../../planner/config/types.js';
import { makePlan } from '../../../../planner/plan/makePlan.js';
import type { Plan } from '../../../../planner/plan/types.js';
import { renderPlanText } from '../../../../planner/render/planText.js';
import { emptyState, type State } from '../../../../planner/state/types.js';
import { desired, vm, world } from '../../../helpers/desired.js';

/** HA (issue 11): a host taken as failed (lostHosts) loses its HA VMs to the other hosts, and nothing else changes on it. */
const h3 = desired(
  'nssv_host.h3',
  { name: 'h3', cluster_id: 'c', endpoint: 'http://127.0.0.1:3', token: 'z'.repeat(32) },
  ['nssv_cluster.c'],
);
const facts = (hosts: string[]) =>
  new Map(
    hosts.map((h) => [
      h,
      { name: h, cluster: 'c', address: `nssv_host.${h}`, cpus: 2, memoryMiB: 4096, maintenance: false },
    ]),
  );
const rbd = [
  desired('nssv_storage_pool.ceph', { name: 'ceph', kind: 'rbd', cluster_id: 'c', replicas: 2 }, [
    'nssv_cluster.c',
  ]),
  desired('nssv_volume.d', { name: 'd', pool_id: 'ceph', size_gib: 1 }, ['nssv_storage_pool.ceph']),
];
const haVm = (extra: Attributes = {}) =>
  desired(
    'nssv_vm.ha',
    { name: 'ha', cluster_id: 'c', memory_mib: 512, ha_enabled: true, disk: [{ volume_id: 'd' }], ...extra },
    ['nssv_cluster.c', 'nssv_volume.d'],
  );
const plain = desired('nssv_vm.plain', { name: 'plain', cluster_id: 'c', memory_mib: 512, host_id: 'h1' }, [
  'nssv_cluster.c',
]);

const plan = (instances: DesiredInstance[], prior: State, hosts: string[], lost: string[] = []): Plan =>
  makePlan({
    mode: 'normal',
    desired: [...world(), h3, ...instances],
    prior,
    live: new Map(),
    hostFacts: facts(hosts),
    lostHosts: new Set(lost),
  });
/** The state an apply of `p` leaves, VMs running. */
const applied = (p: Plan): State => ({
  version: 1,
  serial: 1,
  lineage: 'L',
  resources: p.changes.map((c) => {
    const a: Attributes = { ...c.after! };
    if (c.type === 'nssv_vm') Object.assign(a, { uuid: `uuid-${a.name}`, power_state: 'running' });
    if (c.type === 'nssv_host') Object.assign(a, { cpus: 2, memory_mib: 4096, domain_type: 'qemu' });
    return { address: c.address, type: c.type, attributes: a, dependencies: [], sensitivePaths: [] };
  }),
});
const vmLines = (p: Plan, address: string) =>
  renderPlanText(p)
    .split('\n')
    .filter((l) => l.startsWith(`  # ${address} `) || l.startsWith('  # ('))
    .slice(0, 2);

describe('checkLostHosts and HA restarts', () => {
  const all = ['h1', 'h2', 'h3'];
  // The HA VM is placed first (h1), then the non-HA VM is pinned beside it.
  const first = applied(
    plan([...rbd, haVm(), plain], applied(plan([...rbd, haVm()], emptyState('L'), all)), all),
  );
  const hostOf = (a: string) => first.resources.find((r) => r.address === a)!.attributes.host_id;

  test('GIVEN an HA VM on rbd and a non-HA VM on h1 WHEN h1 is lost THEN only the HA VM is restarted elsewhere, saying why', () => {
    expect([hostOf('nssv_vm.ha'), hostOf('nssv_vm.plain')]).toEqual(['h1', 'h1']);
    const p = plan([...rbd, haVm(), plain], first, ['h2', 'h3'], ['h1']);
    expect(p.diagnostics).toEqual([]);
    expect(vmLines(p, 'nssv_vm.ha')).toEqual([
      '  # nssv_vm.ha will be migrated from h1 to h2 (restart)',
      '  # (h1 does not answer: HA restarts the VM on another host (its old copy is fenced); host: h2 (scatter: 0 VMs of the cluster there, 4096 MiB free))',
    ]);
    const change = p.changes.find((c) => c.address === 'nssv_vm.ha')!;
    expect(change.migration).toEqual({ from: 'h1', to: 'h2', mode: 'restart' });
    // Its rbd volume follows it: managed by h2's agent from now on (an update h2 makes alone).
    expect(p.changes.filter((c) => c.action !== 'noop').map((c) => [c.address, c.action])).toEqual([
      ['nssv_vm.ha', 'migrate'],
      ['nssv_volume.d', 'update'],
    ]);
    expect(p.changes.find((c) => c.address === 'nssv_volume.d')!.after!.host_id).toBe('h2');
  });

  test('GIVEN a non-HA VM on a lost host WHEN its configuration changes THEN the plan fails naming the host', () => {
    const changed = desired('nssv_vm.plain', { ...plain.attributes, memory_mib: 1024 }, plain.dependsOn);
    const p = plan([...rbd, haVm(), changed], first, ['h2', 'h3'], ['h1']);
    expect(p.diagnostics.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_HOST_LOST_CHANGE',
        'nssv_vm.plain cannot be updated: its host h1 does not answer',
        'Nothing can change on a host whose agent is unreachable; nssv only restarts HA VMs elsewhere. Fix: bring host h1 back, or leave nssv_vm.plain as it is for now (-target the rest, or keep its configuration unchanged).',
      ],
    ]);
    expect(p.steps).toEqual([]);
  });

  test('GIVEN an HA VM on a dir-pool disk WHEN its host is lost THEN it stays, with a warning that HA needs shared storage', () => {
    const local = vm('loc', 512, { ha_enabled: true });
    const before = applied(plan(local, emptyState('L'), ['h1', 'h2', 'h3']));
    expect(before.resources.find((r) => r.address === 'nssv_vm.loc')!.attributes.host_id).toBe('h1');
    const p = plan(local, before, ['h2', 'h3'], ['h1']);
    expect(p.diagnostics.map((d) => [d.severity, d.code, d.summary])).toEqual([
      [
        'warning',
        'NSSV_HA_NEEDS_SHARED_STORAGE',
        'nssv_vm.loc has ha_enabled, but cannot be restarted elsewhere: its disk nssv_volume.loc-disk is in a dir pool of the lost host h1',
      ],
    ]);
    expect(p.changes.filter((c) => c.action !== 'noop')).toEqual([]);
  });

  test('GIVEN an HA VM pinned by host_id to the lost host THEN it stays (the configuration chose the host)', () => {
    const pinned = applied(plan([...rbd, haVm({ host_id: 'h1' })], emptyState('L'), ['h1', 'h2', 'h3']));
    const p = plan([...rbd, haVm({ host_id: 'h1' })], pinned, ['h2', 'h3'], ['h1']);
    expect(p.diagnostics).toEqual([]);
    expect(p.changes.find((c) => c.address === 'nssv_vm.ha')!.action).toBe('noop');
  });

  test('GIVEN a new VM WHEN a host of its cluster is lost THEN it is placed on the others, not refused for missing facts', () => {
    const extra = desired('nssv_vm.new', { name: 'new', cluster_id: 'c', memory_mib: 512 }, [
      'nssv_cluster.c',
    ]);
    const p = plan([...rbd, haVm(), plain, extra], first, ['h2', 'h3'], ['h1']);
    expect(p.diagnostics).toEqual([]);
    expect(p.changes.find((c) => c.address === 'nssv_vm.new')!.after!.host_id).toBe('h3');
  });
});
