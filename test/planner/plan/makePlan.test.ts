import { makePlan } from '../../../planner/plan/makePlan.js';
import type { Plan } from '../../../planner/plan/types.js';
import { emptyState, type State } from '../../../planner/state/types.js';
import type { Attributes } from '../../../core/values.js';
import { desired, facts, vm, world } from '../../helpers/desired.js';

function planFor(
  instances = [...world(), ...vm('a'), ...vm('b')],
  prior: State = emptyState('L'),
  live = new Map<string, Attributes | null>(),
): Plan {
  return makePlan({ mode: 'normal', desired: instances, prior, live, hostFacts: facts });
}

/** The state an apply of `plan` would leave, with the agent's computed values filled in. */
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
          a.nic = (a.nic as Attributes[]).map((n, i) => ({ ...n, mac: `52:54:00:00:00:0${i}` }));
        }
        if (c.type === 'nssv_host') Object.assign(a, { cpus: 2, memory_mib: 4096, domain_type: 'qemu' });
        return {
          address: c.address,
          type: c.type,
          attributes: a,
          dependencies: plan.dependencies[c.address] ?? [],
          sensitivePaths: c.sensitivePaths,
        };
      }),
  };
}

describe('makePlan', () => {
  test('GIVEN an empty state WHEN planning THEN everything is created and VMs are spread over the hosts', () => {
    const plan = planFor();
    expect(plan.diagnostics).toEqual([]);
    expect(plan.changes.every((c) => c.action === 'create')).toBe(true);
    const host = (a: string) => plan.changes.find((c) => c.address === a)!.after!.host_id;
    expect(host('nssv_vm.a')).toBe('h1');
    expect(host('nssv_vm.b')).toBe('h2');
    expect(host('nssv_volume.a-disk')).toBe('h1');
    expect(host('nssv_volume.b-disk')).toBe('h2');
    expect(plan.changes.find((c) => c.address === 'nssv_port_group.web')!.after!.host_ids).toEqual([
      'h1',
      'h2',
    ]);
    expect(plan.changes.find((c) => c.address === 'nssv_vm.a')!.reason).toBe(
      'host: h1 (scatter: 0 VMs of the cluster there, 4096 MiB free)',
    );
  });

  test('GIVEN the same input twice THEN the plans are identical', () => {
    expect(JSON.stringify(planFor())).toBe(JSON.stringify(planFor()));
  });

  test('GIVEN the state an apply left WHEN planning again THEN there are no changes', () => {
    const state = applied(planFor());
    const plan = planFor(undefined, state);
    expect(plan.changes.filter((c) => c.action !== 'noop')).toEqual([]);
    expect(plan.steps).toEqual([]);
  });

  test('GIVEN a memory change WHEN planning THEN the VM is updated in place, keeping its host', () => {
    const state = applied(planFor());
    const plan = planFor([...world(), ...vm('a', 1024), ...vm('b')], state);
    const changed = plan.changes.filter((c) => c.action !== 'noop');
    expect(changed.map((c) => [c.address, c.action])).toEqual([['nssv_vm.a', 'update']]);
    expect(changed[0]!.after!.host_id).toBe('h1');
    expect(changed[0]!.after!.uuid).toBe('uuid-a');
  });

  test('GIVEN a VM removed from configuration THEN its domain goes before its volume', () => {
    const state = applied(planFor());
    const plan = planFor([...world(), ...vm('a')], state);
    expect(plan.changes.filter((c) => c.action !== 'noop').map((c) => [c.address, c.action])).toEqual([
      ['nssv_vm.b', 'delete'],
      ['nssv_volume.b-disk', 'delete'],
    ]);
    const volDelete = plan.steps.find((s) => s.id === 'nssv_volume.b-disk#delete')!;
    expect(volDelete.after).toEqual(['nssv_vm.b#delete']);
  });

  test('GIVEN a renamed VM THEN it is replaced and the plan says which attribute forces it', () => {
    const state = applied(planFor());
    const [vol, a] = vm('a');
    a!.attributes.name = 'a2';
    const plan = planFor([...world(), vol!, a!, ...vm('b')], state);
    const c = plan.changes.find((x) => x.address === 'nssv_vm.a')!;
    expect(c.action).toBe('replace');
    expect(c.requiredReplace).toEqual(['name']);
    const create = plan.steps.find((s) => s.id === 'nssv_vm.a#create')!;
    expect(create.after).toContain('nssv_vm.a#delete');
  });

  test('GIVEN a VM bigger than any host THEN the plan fails naming the cluster and why each host was rejected', () => {
    const plan = planFor([...world(), ...vm('huge', 8192)]);
    expect(plan.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_PLACEMENT_FAILED',
        'nssv_vm.huge cannot be placed in cluster "c": h1: 4096 MiB and 2 vCPUs free, needs 8192 MiB and 1 vCPUs; h2: 4096 MiB and 2 vCPUs free, needs 8192 MiB and 1 vCPUs',
      ],
    ]);
    expect(plan.steps).toEqual([]);
  });

  test('GIVEN a VM pinned to an undeclared host THEN the plan names the declared ones', () => {
    const plan = planFor([...world(), ...vm('a', 512, { host_id: 'h9' })]);
    expect(plan.diagnostics[0]!.summary).toBe('nssv_vm.a: host_id = "h9" names no declared host');
    expect(plan.diagnostics[0]!.detail).toBe(
      'Declared hosts: "h1", "h2". Fix: use one of them, or declare an nssv_host with name = "h9".',
    );
  });

  test('GIVEN a resource deleted outside nssv THEN it is created again', () => {
    const state = applied(planFor());
    const plan = planFor(undefined, state, new Map([['nssv_vm.b', null]]));
    const c = plan.changes.find((x) => x.address === 'nssv_vm.b')!;
    expect([c.action, c.reason]).toEqual(['create', 'it was deleted outside nssv']);
  });

  test('GIVEN prevent_destroy WHEN the resource would be deleted THEN the plan is refused', () => {
    const state = applied(planFor());
    const keep = world();
    const plan = planFor(
      keep
        .filter((d) => d.address !== 'nssv_storage_pool.p')
        .concat(desired('nssv_datacenter.x', { name: 'x' })),
      state,
    );
    expect(plan.diagnostics).toEqual([]);
    const pool = world().find((d) => d.address === 'nssv_storage_pool.p')!;
    pool.lifecycle.preventDestroy = true;
    pool.attributes.kind = 'dir';
    pool.attributes.name = 'p2';
    const refused = planFor([...keep.filter((d) => d.address !== 'nssv_storage_pool.p'), pool], state);
    expect(refused.diagnostics.map((d) => d.code)).toContain('NSSV_PREVENT_DESTROY');
  });
});

test('GIVEN state written before a schema gained an attribute THEN its default applies and nothing changes', () => {
  const first = makePlan({
    mode: 'normal',
    desired: [...world(), ...vm('a')],
    prior: emptyState('L'),
    live: new Map(),
    hostFacts: facts,
  });
  const state: State = {
    version: 1,
    serial: 1,
    lineage: 'L',
    resources: first.changes.map((c) => {
      const a: Attributes = { ...c.after! };
      delete a.description;
      delete a.delete_policy;
      if (c.type === 'nssv_vm')
        Object.assign(a, {
          uuid: 'u',
          nic: [{ port_group_id: 'web', mac: '52:54:00:00:00:01' }],
          disk: [{ volume_id: 'a-disk' }],
        });
      if (c.type === 'nssv_host') Object.assign(a, { cpus: 2, memory_mib: 4096, domain_type: 'qemu' });
      return { address: c.address, type: c.type, attributes: a, dependencies: [], sensitivePaths: [] };
    }),
  };
  const plan = makePlan({
    mode: 'normal',
    desired: [...world(), ...vm('a')],
    prior: state,
    live: new Map(),
    hostFacts: facts,
  });
  expect(plan.changes.filter((c) => c.action !== 'noop').map((c) => c.address)).toEqual([]);
});

test('GIVEN instances that depend on a whole counted resource THEN they wait on one barrier for all its instances', () => {
  const vols = [0, 1, 2].map((i) => ({
    ...desired(`nssv_volume.root[${i}]`, { name: `root-${i}`, pool_id: 'p', size_gib: 1 }, [
      'nssv_storage_pool.p',
    ]),
    resourceAddress: 'nssv_volume.root',
  }));
  const vms = [0, 1, 2].map((i) => ({
    ...desired(
      `nssv_vm.web[${i}]`,
      { name: `web-${i}`, cluster_id: 'c', memory_mib: 256, disk: [{ volume_id: `root-${i}` }] },
      ['nssv_cluster.c', 'nssv_volume.root'],
    ),
    resourceAddress: 'nssv_vm.web',
  }));
  const plan = makePlan({
    mode: 'normal',
    desired: [...world(), ...vols, ...vms],
    prior: emptyState('L'),
    live: new Map(),
    hostFacts: facts,
  });
  expect(plan.diagnostics).toEqual([]);
  expect(plan.barriers['nssv_volume.root#created']).toEqual([
    'nssv_volume.root[0]#create',
    'nssv_volume.root[1]#create',
    'nssv_volume.root[2]#create',
  ]);
  expect(plan.steps.find((s) => s.id === 'nssv_vm.web[1]#create')!.after).toContain(
    'nssv_volume.root#created',
  );
});

describe('lifecycle.replace_triggered_by', () => {
  function withTrigger(memoryOfA: number, trigger: string) {
    const instances = [...world(), ...vm('a', memoryOfA), ...vm('b')];
    instances.find((d) => d.address === 'nssv_vm.b')!.lifecycle.replaceTriggeredBy = [trigger];
    return instances;
  }

  test('GIVEN b is replaced when a changes WHEN a is updated THEN b is replaced too, saying why', () => {
    const state = applied(planFor());
    const plan = planFor(withTrigger(1024, 'nssv_vm.a'), state);
    const b = plan.changes.find((c) => c.address === 'nssv_vm.b')!;
    expect([b.action, b.reason]).toEqual(['replace', 'replace_triggered_by nssv_vm.a']);
    expect(plan.steps.map((s) => s.id)).toEqual(['nssv_vm.a#update', 'nssv_vm.b#create', 'nssv_vm.b#delete']);
  });

  test('GIVEN a trigger on one attribute WHEN another attribute changes THEN nothing is replaced', () => {
    const state = applied(planFor());
    const plan = planFor(withTrigger(1024, 'nssv_vm.a.vcpus'), state);
    expect(plan.changes.find((c) => c.address === 'nssv_vm.b')!.action).toBe('noop');
    const plan2 = planFor(withTrigger(1024, 'nssv_vm.a.memory_mib'), state);
    expect(plan2.changes.find((c) => c.address === 'nssv_vm.b')!.action).toBe('replace');
  });

  test('GIVEN prevent_destroy on an instance a trigger would replace THEN the plan is refused', () => {
    const state = applied(planFor());
    const instances = withTrigger(1024, 'nssv_vm.a');
    instances.find((d) => d.address === 'nssv_vm.b')!.lifecycle.preventDestroy = true;
    expect(planFor(instances, state).diagnostics.map((d) => d.code)).toEqual(['NSSV_PREVENT_DESTROY']);
  });
});

describe('-target and -replace', () => {
  test('GIVEN -target a VM THEN only it and what it depends on are planned, with a warning', () => {
    const plan = makePlan({
      mode: 'normal',
      desired: [...world(), ...vm('a'), ...vm('b')],
      prior: emptyState('L'),
      live: new Map(),
      hostFacts: facts,
      targets: ['nssv_vm.a'],
    });
    expect(plan.changes.map((c) => c.address)).toEqual([
      'nssv_cluster.c',
      'nssv_datacenter.dc',
      'nssv_distributed_switch.sw',
      'nssv_host.h1',
      'nssv_host.h2',
      'nssv_port_group.web',
      'nssv_storage_pool.p',
      'nssv_vm.a',
      'nssv_volume.a-disk',
    ]);
    expect(plan.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'NSSV_TARGETING']]);
  });

  test('GIVEN -target naming nothing THEN the plan fails saying so', () => {
    const plan = makePlan({
      mode: 'normal',
      desired: world(),
      prior: emptyState('L'),
      live: new Map(),
      hostFacts: facts,
      targets: ['nssv_vm.nope'],
    });
    expect(plan.diagnostics.map((d) => d.summary)).toContain(
      '-target nssv_vm.nope matches no resource in the configuration or the state',
    );
  });

  test('GIVEN -replace of an unchanged VM THEN it is replaced, saying why', () => {
    const state = applied(planFor());
    const plan = makePlan({
      mode: 'normal',
      desired: [...world(), ...vm('a'), ...vm('b')],
      prior: state,
      live: new Map(),
      hostFacts: facts,
      replace: ['nssv_vm.a'],
    });
    const a = plan.changes.find((c) => c.address === 'nssv_vm.a')!;
    expect([a.action, a.reason, a.after!.uuid]).toEqual([
      'replace',
      'requested with -replace',
      { $unknown: true },
    ]);
  });
});

describe('placement checks', () => {
  test('GIVEN a new VM pinned to a host too small for it THEN the plan fails naming free and needed capacity', () => {
    const plan = planFor([...world(), ...vm('big', 8192, { host_id: 'h1', vcpus: 4 })]);
    expect(plan.diagnostics.map((d) => d.summary)).toEqual([
      'nssv_vm.big cannot run on host "h1" (host_id): it has 4096 MiB and 2 vCPUs free, the VM needs 8192 MiB and 4 vCPUs',
    ]);
  });

  test('GIVEN one volume attached to two VMs THEN the plan fails', () => {
    const [vol, a] = vm('a');
    const b = desired(
      'nssv_vm.b',
      { name: 'b', cluster_id: 'c', host_id: 'h1', disk: [{ volume_id: 'a-disk' }] },
      ['nssv_volume.a-disk'],
    );
    a!.attributes.host_id = 'h1';
    const plan = planFor([...world(), vol!, a!, b]);
    expect(plan.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_VOLUME_SHARED',
        'nssv_volume.a-disk is attached to nssv_vm.a and nssv_vm.b; a volume can be attached to one VM at a time',
      ],
    ]);
  });

  test('GIVEN a NIC on a port group whose switch does not reach the VM host THEN the plan fails at the NIC', () => {
    const instances = [
      ...world(),
      desired('nssv_cluster.c2', { name: 'c2', datacenter_id: 'dc' }),
      desired('nssv_distributed_switch.sw2', { name: 'sw2', datacenter_id: 'dc', cluster_ids: ['c2'] }),
      desired('nssv_port_group.db', { name: 'db', switch_id: 'sw2', vlan_id: 20 }),
      ...vm('a', 512, { nic: [{ port_group_id: 'db' }] }),
    ];
    const plan = planFor(instances);
    expect(plan.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_PORT_GROUP_NOT_ON_HOST',
        'nssv_vm.a: nic[0].port_group_id = "db" belongs to switch "sw2", which does not reach host "h1" of the VM\'s cluster "c"',
      ],
    ]);
  });

  test('GIVEN a host removed from configuration while a VM on a dir-pool disk runs on it THEN the VM migrates live with its disk, before the pool and port group leave the host', () => {
    const state = applied(planFor());
    const plan = planFor(
      [...world().filter((d) => d.address !== 'nssv_host.h2'), ...vm('a'), ...vm('b')],
      state,
    );
    expect(plan.diagnostics).toEqual([]);
    const byAddress = new Map(plan.changes.map((c) => [c.address, c]));
    expect(byAddress.get('nssv_vm.b')).toMatchObject({
      action: 'migrate',
      migration: {
        from: 'h2',
        to: 'h1',
        mode: 'live',
        copyStorage: { volumes: ['nssv_volume.b-disk'], bytes: 1024 ** 3 },
      },
    });
    expect(byAddress.get('nssv_volume.b-disk')).toMatchObject({
      action: 'update',
      reason: 'moves to h1 with nssv_vm.b: its live migration copies the disk',
    });
    const after = new Map(plan.steps.map((s) => [s.id, s.after]));
    // The pool keeps the file and the bridge the running guest's port until both have moved.
    expect(after.get('nssv_storage_pool.p#update')).toEqual([
      'nssv_vm.b#update',
      'nssv_volume.b-disk#update',
    ]);
    expect(after.get('nssv_port_group.web#update')).toEqual(
      expect.arrayContaining(['nssv_vm.b#update', 'nssv_volume.b-disk#update']),
    );
    expect(after.get('nssv_vm.b#update')).toEqual([]);
    expect(after.get('nssv_volume.b-disk#update')).toEqual(['nssv_vm.b#update']);
  });
});
