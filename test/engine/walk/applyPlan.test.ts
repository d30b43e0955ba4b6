import { applyPlan } from '../../../engine/walk/applyPlan.js';
import type { ApplyOptions, StepRunner } from '../../../engine/types.js';
import { makePlan } from '../../../planner/plan/makePlan.js';
import type { PlanStep } from '../../../planner/plan/types.js';
import { emptyState, type State } from '../../../planner/state/types.js';
import { facts, vm, world } from '../../helpers/desired.js';

function fakeRunner(failOn?: string, failUndoOn?: string) {
  const log: string[] = [];
  const runner: StepRunner = {
    async run(step: PlanStep, change) {
      await new Promise((r) => setTimeout(r, 1));
      if (step.id === failOn) throw new Error('agent said no');
      log.push(`run ${step.id}`);
      return step.kind === 'delete' ? null : change.after;
    },
    async undo(step, _change, before) {
      if (step.id === failUndoOn) throw new Error('undo broke');
      log.push(`undo ${step.id}`);
      return before;
    },
  };
  return { runner, log };
}

const plan = makePlan({
  mode: 'normal',
  desired: [...world(), ...vm('a')],
  prior: emptyState('L'),
  live: new Map(),
  hostFacts: facts,
});

function options(saves: State[]): ApplyOptions {
  return {
    parallelism: 4,
    perHostParallelism: 2,
    onFailure: 'rollback',
    save: async (s) => {
      const next = { ...s, serial: s.serial + 1 };
      saves.push(next);
      return next;
    },
  };
}

describe('applyPlan', () => {
  test('GIVEN a plan WHEN every step succeeds THEN steps run after their dependencies and state is saved after each', async () => {
    const { runner, log } = fakeRunner();
    const saves: State[] = [];
    const result = await applyPlan(plan, emptyState('L'), runner, options(saves));
    expect(result.ok).toBe(true);
    const at = (id: string) => log.indexOf(`run ${id}`);
    for (const s of plan.steps) for (const dep of s.after) expect(at(dep)).toBeLessThan(at(s.id));
    expect(saves).toHaveLength(plan.steps.length);
    expect(result.state.resources.map((r) => r.address)).toEqual(plan.changes.map((c) => c.address));
  });

  test('GIVEN a step that fails WHEN applying THEN completed steps are undone in reverse order and state returns to empty', async () => {
    const { runner, log } = fakeRunner('nssv_vm.a#create');
    const saves: State[] = [];
    const result = await applyPlan(plan, emptyState('L'), runner, options(saves));
    expect(result.ok).toBe(false);
    expect(result.failed!.step.id).toBe('nssv_vm.a#create');
    expect(result.failed!.error.message).toBe('agent said no');
    const runs = log.filter((l) => l.startsWith('run ')).map((l) => l.slice(4));
    const undos = log.filter((l) => l.startsWith('undo ')).map((l) => l.slice(5));
    expect(undos).toEqual([...runs].reverse());
    expect(result.state.resources).toEqual([]);
  });

  test('GIVEN an undo that fails THEN the original error is kept and the failed undo is reported', async () => {
    const { runner } = fakeRunner('nssv_vm.a#create', 'nssv_volume.a-disk#create');
    const result = await applyPlan(plan, emptyState('L'), runner, options([]));
    expect(result.failed!.error.message).toBe('agent said no');
    expect(result.undoFailures.map((u) => [u.step.id, u.error.message])).toEqual([
      ['nssv_volume.a-disk#create', 'undo broke'],
    ]);
    expect(result.state.resources.map((r) => r.address)).toEqual(['nssv_volume.a-disk']);
  });

  test('GIVEN --on-failure=stop THEN completed steps are kept', async () => {
    const { runner } = fakeRunner('nssv_vm.a#create');
    const result = await applyPlan(plan, emptyState('L'), runner, { ...options([]), onFailure: 'stop' });
    expect(result.undone).toEqual([]);
    expect(result.state.resources.map((r) => r.address)).not.toContain('nssv_vm.a');
    expect(result.state.resources.length).toBe(result.completed.length);
  });
});

test('GIVEN a slow state backend WHEN parallel steps finish while a save is in flight THEN no step is lost from state', async () => {
  const { runner } = fakeRunner();
  const written: State[] = [];
  const result = await applyPlan(plan, emptyState('L'), runner, {
    ...options([]),
    parallelism: 8,
    perHostParallelism: 8,
    save: async (s) => {
      await new Promise((r) => setTimeout(r, 5));
      const next = { ...s, serial: s.serial + 1 };
      written.push(next);
      return next;
    },
  });
  expect(result.state.resources.map((r) => r.address)).toEqual(plan.changes.map((c) => c.address));
  expect(written[written.length - 1]!.resources.map((r) => r.address)).toEqual(
    plan.changes.map((c) => c.address),
  );
});

describe('per-host limit', () => {
  // Eight VMs (and their volumes) pinned to h1: with a global parallelism of 16 every one of
  // them could start at once; only the per-host limit holds them back.
  const crowded = makePlan({
    mode: 'normal',
    desired: [
      ...world(),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].flatMap((n) => vm(n, 128, { host_id: 'h1' })),
    ],
    prior: emptyState('L'),
    live: new Map(),
    hostFacts: new Map([...facts].map(([name, f]) => [name, { ...f, cpus: 64, memoryMiB: 65536 }])),
  });

  /** Applies `crowded`, returning the most steps seen running at once on any one host. */
  async function mostAtOnce(perHostParallelism: number): Promise<number> {
    const running = new Map<string, number>();
    let most = 0;
    const runner: StepRunner = {
      async run(step, change) {
        for (const h of step.hosts) running.set(h, (running.get(h) ?? 0) + 1);
        most = Math.max(most, ...step.hosts.map((h) => running.get(h)!));
        await new Promise((r) => setTimeout(r, 5));
        for (const h of step.hosts) running.set(h, running.get(h)! - 1);
        return step.kind === 'delete' ? null : change.after;
      },
      undo: async (_step, _change, before) => before,
    };
    const result = await applyPlan(crowded, emptyState('L'), runner, {
      ...options([]),
      parallelism: 16,
      perHostParallelism,
    });
    expect(result.ok).toBe(true);
    return most;
  }

  test('GIVEN more ready steps on one host than its limit WHEN applying THEN no more than the limit run there at once', async () => {
    expect(crowded.diagnostics).toEqual([]);
    expect(crowded.steps.filter((s) => s.hosts.includes('h1')).length).toBeGreaterThan(16);
    expect(await mostAtOnce(3)).toBe(3);
    expect(await mostAtOnce(1)).toBe(1);
  });

  test('GIVEN no effective per-host limit WHEN applying THEN the same plan runs more than 3 at once on h1 (the limit is what holds)', async () => {
    expect(await mostAtOnce(16)).toBeGreaterThan(3);
  });
});
