import { makePlan } from '../../../../planner/plan/makePlan.js';
import type { Plan } from '../../../../planner/plan/types.js';
import { renderPlanText } from '../../../../planner/render/planText.js';
import { emptyState, type State } from '../../../../planner/state/types.js';
import type { DesiredInstance } from '../../../../planner/config/types.js';
import type { Attributes } from '../../../../core/values.js';
import { deriveHostSets } from '../../../../planner/plan/transforms/deriveHostSets.js';
import { place } from '../../../../planner/plan/transforms/place.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { planContext } from '../../../helpers/planContext.js';
import { desired, vm, world } from '../../../helpers/desired.js';

const placed = (...instances: ReturnType<typeof vm>[]) =>
  planContext({ desired: [...world(), ...instances.flat()] }, plannedAttributes, deriveHostSets, place);

describe('place', () => {
  test('GIVEN new VMs WHEN placed THEN they are scattered over the hosts, saying why', () => {
    const ctx = placed(vm('a', 1024), vm('b', 1024));
    const a = ctx.nodes.get('nssv_vm.a')!;
    const b = ctx.nodes.get('nssv_vm.b')!;
    expect([a.planned!.host_id, b.planned!.host_id]).toEqual(['h1', 'h2']);
    expect(a.notes).toEqual(['host: h1 (scatter: 0 VMs of the cluster there, 4096 MiB free)']);
    expect(ctx.diagnostics).toEqual([]);
  });

  test('GIVEN a VM pinned to a host WHEN placing others THEN its memory counts on that host', () => {
    const ctx = placed(vm('pinned', 3072, { host_id: 'h1' }), vm('b', 1024));
    expect(ctx.nodes.get('nssv_vm.b')!.planned!.host_id).toBe('h2');
  });

  test('GIVEN a VM and its volume WHEN placed THEN the dir-pool volume goes to the host of its VM', () => {
    const ctx = placed(vm('a', 1024, { host_id: 'h2' }));
    const volume = ctx.nodes.get('nssv_volume.a-disk')!;
    expect(volume.planned!.host_id).toBe('h2');
    expect(volume.notes).toEqual(['on h2, the host of nssv_vm.a']);
  });

  test('GIVEN a VM larger than any host WHEN placed THEN the plan fails naming the rule', () => {
    const ctx = placed(vm('huge', 65536));
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['NSSV_PLACEMENT_FAILED']);
    expect(ctx.nodes.get('nssv_vm.huge')!.planned!.host_id).toEqual({ $unknown: true });
  });
});

/** The sandbox's shape: three hosts of 4096 MiB and 2 CPUs in cluster c. */
const hostFacts = new Map(
  ['h1', 'h2', 'h3'].map((h) => [
    h,
    { name: h, cluster: 'c', address: `nssv_host.${h}`, cpus: 2, memoryMiB: 4096, maintenance: false },
  ]),
);
const h3 = desired(
  'nssv_host.h3',
  { name: 'h3', cluster_id: 'c', endpoint: 'http://127.0.0.1:3', token: 'z'.repeat(32) },
  ['nssv_cluster.c'],
);
const hostGroup = (hosts: string[]) =>
  desired('nssv_host_group.hg', { name: 'hg', cluster_id: 'c', host_ids: hosts }, ['nssv_cluster.c']);
const group = (policy: string, mode: string, extra: Attributes = {}) =>
  desired('nssv_scheduling_group.g', { name: 'g', cluster_id: 'c', policy, mode, ...extra }, [
    'nssv_cluster.c',
  ]);
/** VMs named a, b, c… of `memoryMiB` each, in group g when `grouped`. */
const vms = (count: number, memoryMiB: number, grouped = true): DesiredInstance[] =>
  'abcdef'
    .slice(0, count)
    .split('')
    .flatMap((n) => vm(n, memoryMiB, grouped ? { scheduling_group_id: 'g' } : {}));

function planFor(instances: DesiredInstance[], prior: State = emptyState('L')): Plan {
  return makePlan({
    mode: 'normal',
    desired: [...world(), h3, ...instances],
    prior,
    live: new Map(),
    hostFacts,
  });
}
/** The plan text's VM headers and the host line under each. */
const vmLines = (plan: Plan): string[] =>
  renderPlanText(plan)
    .split('\n')
    .filter((l, i, all) => l.startsWith('  # nssv_vm.') || all[i - 1]?.startsWith('  # nssv_vm.'));
const errors = (plan: Plan) => plan.diagnostics.map((d) => [d.code, d.address, d.summary, d.detail]);

const ruleFix = (extra = '') =>
  `Fix: add a host to the cluster${extra}, free capacity, take a host out of maintenance, or set mode = "preferred" on nssv_scheduling_group "g" so the scheduler may relax it.`;

describe('place: vm-anti-affinity', () => {
  test('GIVEN a mandatory group of 3 VMs and 3 hosts WHEN planning THEN each VM gets its own host, saying why', () => {
    const plan = planFor([group('vm-anti-affinity', 'mandatory'), ...vms(3, 512)]);
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.a will be created',
      '  # (host: h1 (anti-affinity: g))',
      '  # nssv_vm.b will be created',
      '  # (host: h2 (anti-affinity: g))',
      '  # nssv_vm.c will be created',
      '  # (host: h3 (anti-affinity: g))',
    ]);
  });

  test('GIVEN a mandatory group of 4 VMs and 3 hosts WHEN planning THEN the 4th is an error naming the rule and each host', () => {
    const plan = planFor([group('vm-anti-affinity', 'mandatory'), ...vms(4, 512)]);
    expect(errors(plan)).toEqual([
      [
        'NSSV_SCHEDULING_RULE_FAILED',
        'nssv_vm.d',
        'nssv_vm.d cannot be placed in cluster "c" by mandatory anti-affinity: g: h1: already runs nssv_vm.a of the group; h2: already runs nssv_vm.b of the group; h3: already runs nssv_vm.c of the group',
        ruleFix(),
      ],
    ]);
  });

  test('GIVEN a preferred group of 4 VMs and 3 hosts WHEN planning THEN the 4th is placed and the plan says the rule was relaxed', () => {
    const plan = planFor([group('vm-anti-affinity', 'preferred'), ...vms(4, 512)]);
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan).slice(6)).toEqual([
      '  # nssv_vm.d will be created',
      '  # (host: h1 (preferred anti-affinity: g relaxed: no host keeps it (h1: already runs nssv_vm.a of the group; h2: already runs nssv_vm.b of the group; h3: already runs nssv_vm.c of the group)))',
    ]);
  });
});

describe('place: a new VM pinned with host_id', () => {
  test('GIVEN a mandatory anti-affinity WHEN a VM is pinned next to another of its group THEN the plan fails at host_id', () => {
    const plan = planFor([
      group('vm-anti-affinity', 'mandatory'),
      ...vm('a', 512, { scheduling_group_id: 'g', host_id: 'h2' }),
      ...vm('b', 512, { scheduling_group_id: 'g', host_id: 'h2' }),
    ]);
    expect(errors(plan)).toEqual([
      [
        'NSSV_SCHEDULING_RULE_FAILED',
        'nssv_vm.b',
        'nssv_vm.b cannot run on host "h2" (host_id) by mandatory anti-affinity: g: already runs nssv_vm.a of the group',
        'Fix: pin another host, drop host_id and let nssv place the VM, or set mode = "preferred" on nssv_scheduling_group "g".',
      ],
    ]);
  });

  test('GIVEN a VM pinned to h2 WHEN its group mate is placed by mandatory anti-affinity THEN the mate avoids h2', () => {
    const plan = planFor([
      group('vm-anti-affinity', 'mandatory'),
      ...vm('a', 512, { scheduling_group_id: 'g' }),
      ...vm('b', 512, { scheduling_group_id: 'g', host_id: 'h1' }),
    ]);
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.a will be created',
      '  # (host: h2 (anti-affinity: g))',
      '  # nssv_vm.b will be created',
      '  + resource "nssv_vm" "b" {',
    ]);
  });
});

describe('place: vm-affinity', () => {
  test('GIVEN a mandatory group of 2 VMs WHEN planning THEN both run on one host', () => {
    const plan = planFor([group('vm-affinity', 'mandatory'), ...vms(2, 512)]);
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.a will be created',
      '  # (host: h1 (affinity: g))',
      '  # nssv_vm.b will be created',
      '  # (host: h1 (affinity: g))',
    ]);
  });

  test('GIVEN a mandatory group that outgrows its host WHEN planning THEN the VM that does not fit is an error', () => {
    const plan = planFor([group('vm-affinity', 'mandatory'), ...vms(3, 2048)]);
    expect(errors(plan)).toEqual([
      [
        'NSSV_SCHEDULING_RULE_FAILED',
        'nssv_vm.c',
        'nssv_vm.c cannot be placed in cluster "c" by mandatory affinity: g: h1: 0 MiB and 0 vCPUs free, needs 2048 MiB and 1 vCPUs; h2: the group\'s VMs run on h1; h3: the group\'s VMs run on h1',
        ruleFix(),
      ],
    ]);
  });

  test('GIVEN a preferred group that outgrows its host WHEN planning THEN the VM goes elsewhere, saying the rule was relaxed', () => {
    const plan = planFor([group('vm-affinity', 'preferred'), ...vms(3, 2048)]);
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan).slice(4)).toEqual([
      '  # nssv_vm.c will be created',
      "  # (host: h2 (preferred affinity: g relaxed: no host keeps it (h1: 0 MiB and 0 vCPUs free, needs 2048 MiB and 1 vCPUs; h2: the group's VMs run on h1; h3: the group's VMs run on h1)))",
    ]);
  });
});

describe('place: vm-host-affinity', () => {
  const rule = (mode: string) => [
    hostGroup(['h3']),
    group('vm-host-affinity', mode, { host_group_id: 'hg' }),
  ];

  test('GIVEN a mandatory group on host group [h3] WHEN planning THEN its VMs run on h3', () => {
    const plan = planFor([...rule('mandatory'), ...vms(2, 512)]);
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.a will be created',
      '  # (host: h3 (host-affinity: g))',
      '  # nssv_vm.b will be created',
      '  # (host: h3 (host-affinity: g))',
    ]);
  });

  test('GIVEN a mandatory group whose host group is full WHEN planning THEN the VM is an error', () => {
    const plan = planFor([...rule('mandatory'), ...vms(3, 2048)]);
    expect(errors(plan)).toEqual([
      [
        'NSSV_SCHEDULING_RULE_FAILED',
        'nssv_vm.c',
        'nssv_vm.c cannot be placed in cluster "c" by mandatory host-affinity: g: h1: not in host group hg; h2: not in host group hg; h3: 0 MiB and 0 vCPUs free, needs 2048 MiB and 1 vCPUs',
        ruleFix(' or to host group "hg"'),
      ],
    ]);
  });

  test('GIVEN a preferred group whose host group is full WHEN planning THEN the VM goes elsewhere, saying so', () => {
    const plan = planFor([...rule('preferred'), ...vms(3, 2048)]);
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan).slice(4)).toEqual([
      '  # nssv_vm.c will be created',
      '  # (host: h1 (preferred host-affinity: g relaxed: no host keeps it (h1: not in host group hg; h2: not in host group hg; h3: 0 MiB and 0 vCPUs free, needs 2048 MiB and 1 vCPUs)))',
    ]);
  });
});

describe('place: vm-host-anti-affinity', () => {
  const rule = (mode: string) => [
    hostGroup(['h1', 'h2']),
    group('vm-host-anti-affinity', mode, { host_group_id: 'hg' }),
  ];

  test('GIVEN a mandatory group away from host group [h1, h2] WHEN planning THEN its VMs run on h3', () => {
    const plan = planFor([...rule('mandatory'), ...vms(2, 512)]);
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.a will be created',
      '  # (host: h3 (host-anti-affinity: g))',
      '  # nssv_vm.b will be created',
      '  # (host: h3 (host-anti-affinity: g))',
    ]);
  });

  test('GIVEN a mandatory group whose only allowed host is full WHEN planning THEN the VM is an error', () => {
    const plan = planFor([...rule('mandatory'), ...vms(3, 2048)]);
    expect(errors(plan)).toEqual([
      [
        'NSSV_SCHEDULING_RULE_FAILED',
        'nssv_vm.c',
        'nssv_vm.c cannot be placed in cluster "c" by mandatory host-anti-affinity: g: h1: in host group hg; h2: in host group hg; h3: 0 MiB and 0 vCPUs free, needs 2048 MiB and 1 vCPUs',
        ruleFix(),
      ],
    ]);
  });

  test('GIVEN a preferred group whose only allowed host is full WHEN planning THEN the VM goes into the host group, saying so', () => {
    const plan = planFor([...rule('preferred'), ...vms(3, 2048)]);
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan).slice(4)).toEqual([
      '  # nssv_vm.c will be created',
      '  # (host: h1 (preferred host-anti-affinity: g relaxed: no host keeps it (h1: in host group hg; h2: in host group hg; h3: 0 MiB and 0 vCPUs free, needs 2048 MiB and 1 vCPUs)))',
    ]);
  });
});

describe('place: scatter by default', () => {
  test('GIVEN 6 VMs without a group and 3 hosts WHEN planning THEN two VMs run on each host', () => {
    const plan = planFor(vms(6, 512, false));
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.a will be created',
      '  # (host: h1 (scatter: 0 VMs of the cluster there, 4096 MiB free))',
      '  # nssv_vm.b will be created',
      '  # (host: h2 (scatter: 0 VMs of the cluster there, 4096 MiB free))',
      '  # nssv_vm.c will be created',
      '  # (host: h3 (scatter: 0 VMs of the cluster there, 4096 MiB free))',
      '  # nssv_vm.d will be created',
      '  # (host: h1 (scatter: 1 VMs of the cluster there, 3584 MiB free))',
      '  # nssv_vm.e will be created',
      '  # (host: h2 (scatter: 1 VMs of the cluster there, 3584 MiB free))',
      '  # nssv_vm.f will be created',
      '  # (host: h3 (scatter: 1 VMs of the cluster there, 3584 MiB free))',
    ]);
  });

  test('GIVEN scatter ties broken by load WHEN a host has less memory THEN the VM goes to the host with most free', () => {
    const small = new Map(hostFacts);
    small.set('h1', { ...hostFacts.get('h1')!, memoryMiB: 2048 });
    const plan = makePlan({
      mode: 'normal',
      desired: [...world(), h3, ...vms(1, 512, false)],
      prior: emptyState('L'),
      live: new Map(),
      hostFacts: small,
    });
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.a will be created',
      '  # (host: h2 (scatter: 0 VMs of the cluster there, 4096 MiB free))',
    ]);
  });

  test('GIVEN every host in maintenance WHEN planning THEN the error says so for each host', () => {
    const down = new Map([...hostFacts].map(([k, f]) => [k, { ...f, maintenance: true }]));
    const plan = makePlan({
      mode: 'normal',
      desired: [...world(), h3, ...vms(1, 512, false)],
      prior: emptyState('L'),
      live: new Map(),
      hostFacts: down,
    });
    expect(plan.diagnostics.map((d) => d.summary)).toEqual([
      'nssv_vm.a cannot be placed in cluster "c": h1: in maintenance; h2: in maintenance; h3: in maintenance',
    ]);
  });
});

describe('place: determinism and apply', () => {
  const config = () => [group('vm-anti-affinity', 'preferred'), ...vms(4, 512)];

  test('GIVEN the same input twice, hosts reported in another order THEN the plan text is byte-identical', () => {
    const reversed = new Map([...hostFacts].reverse());
    const other = makePlan({
      mode: 'normal',
      desired: [...world(), h3, ...config()],
      prior: emptyState('L'),
      live: new Map(),
      hostFacts: reversed,
    });
    expect(renderPlanText(other)).toBe(renderPlanText(planFor(config())));
  });

  test('GIVEN the state an apply of groups and grouped VMs left WHEN planning again THEN there are no changes', () => {
    const first = planFor([
      hostGroup(['h1']),
      group('vm-host-affinity', 'mandatory', { host_group_id: 'hg' }),
      ...vms(2, 512),
    ]);
    const state: State = {
      version: 1,
      serial: 1,
      lineage: 'L',
      resources: first.changes.map((c) => {
        const a: Attributes = { ...c.after! };
        if (c.type === 'nssv_vm') {
          a.uuid = `uuid-${a.name}`;
          a.nic = (a.nic as Attributes[]).map((n) => ({ ...n, mac: '52:54:00:00:00:01' }));
        }
        if (c.type === 'nssv_host') Object.assign(a, { cpus: 2, memory_mib: 4096, domain_type: 'qemu' });
        return {
          address: c.address,
          type: c.type,
          attributes: a,
          dependencies: [],
          sensitivePaths: c.sensitivePaths,
        };
      }),
    };
    const again = planFor(
      [hostGroup(['h1']), group('vm-host-affinity', 'mandatory', { host_group_id: 'hg' }), ...vms(2, 512)],
      state,
    );
    expect(errors(again)).toEqual([]);
    expect(again.changes.filter((c) => c.action !== 'noop').map((c) => c.address)).toEqual([]);
  });
});

describe('place: moving running VMs (migrate, issue 11)', () => {
  /** A VM without disks (nothing pins it to a host). */
  const bare = (name: string, extra: Attributes = {}) =>
    desired(`nssv_vm.${name}`, { name, cluster_id: 'c', memory_mib: 512, ...extra }, ['nssv_cluster.c']);
  /** The state an apply of `plan` leaves, with VMs `power`. */
  const applied = (plan: Plan, power = 'running'): State => ({
    version: 1,
    serial: 1,
    lineage: 'L',
    resources: plan.changes.map((c) => {
      const a: Attributes = { ...c.after! };
      if (c.type === 'nssv_vm') Object.assign(a, { uuid: `uuid-${a.name}`, power_state: power });
      if (c.type === 'nssv_host') Object.assign(a, { cpus: 2, memory_mib: 4096, domain_type: 'qemu' });
      return { address: c.address, type: c.type, attributes: a, dependencies: [], sensitivePaths: [] };
    }),
  });
  const again = (instances: DesiredInstance[], state: State, facts = hostFacts): Plan =>
    makePlan({
      mode: 'normal',
      desired: [...world(), h3, ...instances],
      prior: state,
      live: new Map(),
      hostFacts: facts,
    });
  const withFacts = (h: string, extra: object) =>
    new Map([...hostFacts].map(([k, f]) => [k, k === h ? { ...f, ...extra } : f]));

  test('GIVEN a running VM on h1 WHEN h1 goes into maintenance THEN it is migrated live to h2, one update step on both hosts', () => {
    const state = applied(planFor([bare('m')]));
    const plan = again([bare('m')], state, withFacts('h1', { maintenance: true }));
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.m will be migrated from h1 to h2 (live)',
      '  # (h1 is in maintenance; host: h2 (scatter: 0 VMs of the cluster there, 4096 MiB free))',
    ]);
    const change = plan.changes.find((c) => c.address === 'nssv_vm.m')!;
    expect([change.action, change.migration]).toEqual(['migrate', { from: 'h1', to: 'h2', mode: 'live' }]);
    expect(plan.steps.map((s) => [s.id, s.hosts])).toEqual([['nssv_vm.m#update', ['h1', 'h2']]]);
    expect(renderPlanText(plan)).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  });

  test('GIVEN a shut-off VM WHEN its host_id changes in the configuration THEN it is migrated cold, never replaced', () => {
    const state = applied(planFor([bare('m', { host_id: 'h1' })]), 'shutoff');
    const plan = again([bare('m', { host_id: 'h3', power_state: 'shutoff' })], state);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.m will be migrated from h1 to h3 (cold)',
      '  # (host_id changed)',
    ]);
    expect(renderPlanText(plan)).not.toContain('forces replacement');
  });

  test('GIVEN a VM pinned by the configuration to a host in maintenance THEN it stays (the user chose the host)', () => {
    const state = applied(planFor([bare('m', { host_id: 'h1' })]));
    const plan = again([bare('m', { host_id: 'h1' })], state, withFacts('h1', { maintenance: true }));
    expect(plan.changes.find((c) => c.address === 'nssv_vm.m')!.action).toBe('noop');
  });

  test('GIVEN a running VM WHEN its host no longer carries its host_labels THEN it moves to a host that does', () => {
    const labelled = withFacts('h1', { labels: { rack: 'r1' } });
    const state = applied(again([bare('m', { host_labels: { rack: 'r1' } })], emptyState('L'), labelled));
    expect(state.resources.find((r) => r.address === 'nssv_vm.m')!.attributes.host_id).toBe('h1');
    const moved = new Map(
      [...labelled].map(([k, f]) => [k, { ...f, labels: { rack: k === 'h3' ? 'r1' : 'r9' } }]),
    );
    const plan = again([bare('m', { host_labels: { rack: 'r1' } })], state, moved);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.m will be migrated from h1 to h3 (live)',
      '  # (h1 has label rack=r9, needs rack=r1; host: h3 (scatter: 0 VMs of the cluster there, 4096 MiB free; host_labels rack=r1))',
    ]);
  });

  test('GIVEN two running VMs of a group on h1 WHEN the group becomes mandatory anti-affinity THEN the later one moves away, saying why', () => {
    const first = [
      group('vm-anti-affinity', 'preferred'),
      bare('a', { host_id: 'h1', scheduling_group_id: 'g' }),
      bare('b', { host_id: 'h1', scheduling_group_id: 'g' }),
    ];
    const state = applied(planFor(first));
    const plan = again(
      [
        group('vm-anti-affinity', 'mandatory'),
        bare('a', { scheduling_group_id: 'g' }),
        bare('b', { scheduling_group_id: 'g' }),
      ],
      state,
    );
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.b will be migrated from h1 to h2 (live)',
      '  # (h1 also runs nssv_vm.a of mandatory anti-affinity: g; host: h2 (anti-affinity: g))',
    ]);
  });

  test('GIVEN running VMs of a group on h1 and h2 WHEN the group becomes mandatory affinity THEN the one away from the first joins it, saying why', () => {
    const first = [
      group('vm-affinity', 'preferred'),
      bare('a', { host_id: 'h1', scheduling_group_id: 'g' }),
      bare('b', { host_id: 'h2', scheduling_group_id: 'g' }),
    ];
    const state = applied(planFor(first));
    const plan = again(
      [
        group('vm-affinity', 'mandatory'),
        bare('a', { scheduling_group_id: 'g' }),
        bare('b', { scheduling_group_id: 'g' }),
      ],
      state,
    );
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.b will be migrated from h2 to h1 (live)',
      '  # (h2 breaks mandatory affinity: g: nssv_vm.a of the group runs on h1; host: h1 (affinity: g))',
    ]);
  });

  test('GIVEN a running VM on an rbd volume on h2 WHEN h2 is removed from the configuration THEN it is drained to another host before the host goes', () => {
    const onRbd = [
      desired('nssv_storage_pool.ceph', { name: 'ceph', kind: 'rbd', cluster_id: 'c', replicas: 2 }, [
        'nssv_cluster.c',
      ]),
      // Managed through h1's agent (rbd is shared: the VM may run elsewhere).
      desired('nssv_volume.d', { name: 'd', pool_id: 'ceph', size_gib: 1, host_id: 'h1' }, [
        'nssv_storage_pool.ceph',
      ]),
      bare('m', { host_id: 'h2', disk: [{ volume_id: 'd' }] }),
    ];
    const before = planFor(onRbd);
    // As an apply records them: each instance with its dependencies (the VM's include its host).
    const state = applied(before);
    for (const r of state.resources) r.dependencies = before.dependencies[r.address] ?? [];
    expect(before.dependencies['nssv_vm.m']).toContain('nssv_host.h2');
    const unpinned = [...onRbd.slice(0, 2), bare('m', { disk: [{ volume_id: 'd' }] })];
    const plan = makePlan({
      mode: 'normal',
      desired: [...world().filter((d) => d.address !== 'nssv_host.h2'), h3, ...unpinned],
      prior: state,
      live: new Map(),
      hostFacts: new Map([...hostFacts].filter(([h]) => h !== 'h2')),
    });
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.m will be migrated from h2 to h1 (live)',
      '  # (h2 is removed from the configuration; host: h1 (scatter: 0 VMs of the cluster there, 4096 MiB free))',
    ]);
    const hostDelete = plan.steps.find((st) => st.id === 'nssv_host.h2#delete')!;
    const waits = [...hostDelete.after, ...hostDelete.after.flatMap((b) => plan.barriers[b] ?? [])];
    expect(waits).toContain('nssv_vm.m#update');

    // Removing h1 instead, whose agent manages the rbd volume, is refused at the volume.
    const h1Gone = makePlan({
      mode: 'normal',
      desired: [...world().filter((d) => d.address !== 'nssv_host.h1'), h3, ...unpinned],
      prior: state,
      live: new Map(),
      hostFacts: new Map([...hostFacts].filter(([h]) => h !== 'h1')),
    });
    expect(h1Gone.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_VOLUME_HOST_REMOVED',
        'nssv_volume.d is managed through the agent of host "h1", which the configuration no longer declares',
      ],
    ]);
  });

  test('GIVEN a running VM on an rbd volume WHEN its host goes into maintenance THEN it moves (the volume is shared) and the rbd volume follows it in place (host_id names its managing agent)', () => {
    const onRbd = [
      desired('nssv_storage_pool.ceph', { name: 'ceph', kind: 'rbd', cluster_id: 'c', replicas: 2 }, [
        'nssv_cluster.c',
      ]),
      desired('nssv_volume.d', { name: 'd', pool_id: 'ceph', size_gib: 1 }, ['nssv_storage_pool.ceph']),
      bare('m', { disk: [{ volume_id: 'd' }] }),
    ];
    const state = applied(planFor(onRbd));
    const plan = again(onRbd, state, withFacts('h1', { maintenance: true }));
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)[0]).toBe('  # nssv_vm.m will be migrated from h1 to h2 (live)');
    expect(plan.changes.filter((c) => c.action !== 'noop').map((c) => [c.address, c.action])).toEqual([
      ['nssv_vm.m', 'migrate'],
      ['nssv_volume.d', 'update'],
    ]);
  });

  test('GIVEN a running VM whose dir-pool volume lives on its host WHEN the host goes into maintenance THEN it migrates live copying the disk, and the volume follows it after the migration', () => {
    const state = applied(planFor(vm('a', 512)));
    const plan = again(vm('a', 512), state, withFacts('h1', { maintenance: true }));
    expect(errors(plan)).toEqual([]);
    const byAddress = new Map(plan.changes.map((c) => [c.address, c]));
    expect(byAddress.get('nssv_vm.a')!.migration).toEqual({
      from: 'h1',
      to: 'h2',
      mode: 'live',
      copyStorage: { volumes: ['nssv_volume.a-disk'], bytes: 1024 ** 3 },
    });
    expect(byAddress.get('nssv_volume.a-disk')).toMatchObject({
      action: 'update',
      reason: 'moves to h2 with nssv_vm.a: its live migration copies the disk',
    });
    const volumeStep = plan.steps.find((s) => s.id === 'nssv_volume.a-disk#update')!;
    expect(volumeStep.after).toContain('nssv_vm.a#update');
    expect(plan.steps.find((s) => s.id === 'nssv_vm.a#update')!.after).not.toContain(
      'nssv_volume.a-disk#update',
    );
  });

  test('GIVEN a shut-off VM whose dir-pool volume lives on its host WHEN the host goes into maintenance THEN the plan fails, naming why it must leave and why no host takes it', () => {
    const state = applied(planFor(vm('a', 512)), 'shutoff');
    const plan = again(vm('a', 512), state, withFacts('h1', { maintenance: true }));
    expect(plan.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_PLACEMENT_FAILED',
        'nssv_vm.a cannot be placed in cluster "c": it must leave (h1 is in maintenance) and no host takes it: h1: in maintenance; h2: the VM\'s volume is on h1; h3: the VM\'s volume is on h1',
      ],
    ]);
  });

  test('GIVEN a running VM whose dir-pool volume has a snapshot WHEN its host_id changes THEN the plan fails: the copy would lose the snapshot', () => {
    const snap = desired('nssv_volume_snapshot.s1', { name: 's1', volume_id: 'a-disk' }, [
      'nssv_volume.a-disk',
    ]);
    const state = applied(planFor([...vm('a', 512, { host_id: 'h1' }), snap]));
    const plan = again([...vm('a', 512, { host_id: 'h2' }), snap], state);
    expect(plan.diagnostics.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_LOCAL_DISK_SNAPSHOT_MOVE',
        'nssv_vm.a would move from "h1" to "h2", but its disk nssv_volume.a-disk (a dir pool on "h1") has snapshot nssv_volume_snapshot.s1',
        'A live migration copies a local disk\'s current data, not its snapshots. Fix: remove nssv_volume_snapshot.s1 first and apply, or keep nssv_vm.a on "h1".',
      ],
    ]);
  });

  /** A plan of `instances` after h2 left the configuration (its agent no longer reports facts). */
  const withoutH2 = (instances: DesiredInstance[], state: State): Plan =>
    makePlan({
      mode: 'normal',
      desired: [...world().filter((d) => d.address !== 'nssv_host.h2'), h3, ...instances],
      prior: state,
      live: new Map(),
      hostFacts: new Map([...hostFacts].filter(([h]) => h !== 'h2')),
    });

  test('GIVEN a running VM on a dir-pool disk on h2 WHEN h2 is removed from the configuration THEN it migrates live copying the disk, saying why', () => {
    const state = applied(planFor(vm('a', 512, { host_id: 'h2' })));
    const plan = withoutH2(vm('a', 512), state);
    expect(errors(plan)).toEqual([]);
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.a will be migrated from h2 to h1 (live, copy storage: 1073741824 bytes of nssv_volume.a-disk)',
      '  # (h2 is removed from the configuration; host: h1 (scatter: 0 VMs of the cluster there, 4096 MiB free))',
    ]);
    expect(plan.changes.find((c) => c.address === 'nssv_volume.a-disk')).toMatchObject({
      action: 'update',
      reason: 'moves to h1 with nssv_vm.a: its live migration copies the disk',
    });
  });

  test('GIVEN a shut-off VM on a dir-pool disk on h2 WHEN h2 is removed from the configuration THEN the plan fails: a local disk is copied only live, keep the host until it has moved', () => {
    const state = applied(planFor(vm('a', 512, { host_id: 'h2' })), 'shutoff');
    const plan = withoutH2(vm('a', 512), state);
    expect(plan.diagnostics.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_LOCAL_DISK_COLD_MOVE',
        'nssv_vm.a is shut off and would move from "h2" to "h1", but its disk nssv_volume.a-disk is in a dir pool on "h2"',
        'libvirt copies a local disk only during a live migration, and the configuration no longer declares host "h2". Fix: keep nssv_host "h2", set power_state = "running" and apply, then remove the host; or remove nssv_vm.a and nssv_volume.a-disk first; or put the disk on an rbd pool.',
      ],
    ]);
  });

  test('GIVEN a running VM whose dir-pool disk on h2 has a snapshot WHEN h2 is removed from the configuration THEN the plan fails: the copy would lose the snapshot', () => {
    const snap = desired('nssv_volume_snapshot.s1', { name: 's1', volume_id: 'a-disk' }, [
      'nssv_volume.a-disk',
    ]);
    const state = applied(planFor([...vm('a', 512, { host_id: 'h2' }), snap]));
    const plan = withoutH2([...vm('a', 512), snap], state);
    expect(plan.diagnostics.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_LOCAL_DISK_SNAPSHOT_MOVE',
        'nssv_vm.a would move from "h2" to "h1", but its disk nssv_volume.a-disk (a dir pool on "h2") has snapshot nssv_volume_snapshot.s1',
        'A live migration copies a local disk\'s current data, not its snapshots. Fix: remove nssv_volume_snapshot.s1 first and apply, or keep nssv_host "h2" (the configuration no longer declares it).',
      ],
    ]);
  });

  test('GIVEN a shut-off VM on a dir-pool volume WHEN its host_id changes THEN the plan fails: a local disk is copied only live', () => {
    const state = applied(planFor(vm('a', 512, { host_id: 'h1' })), 'shutoff');
    const plan = again(vm('a', 512, { host_id: 'h2' }), state);
    expect(plan.diagnostics.map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_LOCAL_DISK_COLD_MOVE',
        'nssv_vm.a is shut off and would move from "h1" to "h2", but its disk nssv_volume.a-disk is in a dir pool on "h1"',
        'libvirt copies a local disk only during a live migration. Fix: set power_state = "running" and apply, then move it; or keep it on "h1"; or put the disk on an rbd pool.',
      ],
    ]);
  });
});

describe('place: host_labels', () => {
  const bare = (name: string, extra: Attributes = {}) =>
    desired(`nssv_vm.${name}`, { name, cluster_id: 'c', memory_mib: 512, ...extra }, ['nssv_cluster.c']);

  test('GIVEN hosts labelled by rack WHEN a VM selects rack=r2 THEN it goes to the only r2 host, saying so', () => {
    const labelled = new Map(
      [...hostFacts].map(([k, f]) => [k, { ...f, labels: { rack: k === 'h3' ? 'r2' : 'r1' } }]),
    );
    const plan = makePlan({
      mode: 'normal',
      desired: [...world(), h3, bare('m', { host_labels: { rack: 'r2' } })],
      prior: emptyState('L'),
      live: new Map(),
      hostFacts: labelled,
    });
    expect(vmLines(plan)).toEqual([
      '  # nssv_vm.m will be created',
      '  # (host: h3 (scatter: 0 VMs of the cluster there, 4096 MiB free; host_labels rack=r2))',
    ]);
  });

  test('GIVEN no host with the label WHEN planning THEN the error names each host and the label it lacks', () => {
    const plan = planFor([bare('m', { host_labels: { rack: 'r2' } })]);
    expect(plan.diagnostics.map((d) => d.summary)).toEqual([
      'nssv_vm.m cannot be placed in cluster "c": h1: has no label rack (needs rack=r2); h2: has no label rack (needs rack=r2); h3: has no label rack (needs rack=r2)',
    ]);
  });
});

describe('place: an rbd volume no VM attaches', () => {
  const pool = desired(
    'nssv_storage_pool.ceph',
    { name: 'ceph', kind: 'rbd', cluster_id: 'c', replicas: 2 },
    ['nssv_cluster.c'],
  );
  const loose = desired('nssv_volume.q', { name: 'q', pool_id: 'ceph', size_gib: 1 }, [
    'nssv_storage_pool.ceph',
  ]);
  const planWith = (facts: typeof hostFacts, prior: State = emptyState('L')): Plan =>
    makePlan({
      mode: 'normal',
      desired: [...world(), h3, pool, loose],
      prior,
      live: new Map(),
      hostFacts: facts,
    });
  const created = (plan: Plan) => plan.changes.find((c) => c.address === 'nssv_volume.q')!;

  test('GIVEN no host_id WHEN planned THEN the first host of the pool cluster manages it, saying so', () => {
    const plan = planWith(hostFacts);
    expect(errors(plan)).toEqual([]);
    expect(created(plan)).toMatchObject({
      action: 'create',
      after: { host_id: 'h1', format: 'raw' },
      reason: 'managed by the agent of h1, the first host of cluster c',
    });
  });

  test('GIVEN h1 in maintenance WHEN planned THEN the next host manages it; once created it stays where it is', () => {
    const plan = planWith(
      new Map([...hostFacts].map(([k, f]) => [k, k === 'h1' ? { ...f, maintenance: true } : f])),
    );
    expect(created(plan).after).toMatchObject({ host_id: 'h2' });
    const state: State = {
      ...emptyState('L'),
      resources: plan.changes.map((c) => ({
        address: c.address,
        type: c.type,
        attributes: { ...c.after! },
        dependencies: [],
        sensitivePaths: [],
      })),
    };
    const next = planWith(hostFacts, state);
    expect(errors(next)).toEqual([]);
    expect(next.changes.filter((c) => c.action !== 'noop').map((c) => c.address)).toEqual([]);
  });

  test('GIVEN no host of the cluster answered WHEN planned THEN the plan fails, saying how to fix it', () => {
    const plan = planWith(new Map());
    expect(
      plan.diagnostics
        .filter((d) => d.address === 'nssv_volume.q')
        .map((d) => [d.code, d.summary, d.detail, d.attribute]),
    ).toEqual([
      [
        'NSSV_RBD_VOLUME_UNMANAGED',
        'nssv_volume.q is in an rbd pool, but cluster "c" has no host to manage it',
        'An rbd volume that no VM attaches is managed by the agent of a host of its pool\'s cluster that is not in maintenance; cluster "c" has none that answered. Fix: declare a host in cluster "c" (or take one out of maintenance), attach the volume to a VM, or set host_id.',
        'host_id',
      ],
    ]);
  });
});
