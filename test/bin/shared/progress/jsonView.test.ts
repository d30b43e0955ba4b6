import { jest } from '@jest/globals';
import { JsonUi, uiResource } from '../../../../bin/shared/progress/jsonUi.js';
import { JsonView } from '../../../../bin/shared/progress/jsonView.js';
import type { Plan } from '../../../../planner/plan/types.js';
import { manualClock, sink, step } from './steps.js';

const vol = step('nssv_volume.data["a"]', 'create');
const vm = step('module.app.nssv_vm.web[0]', 'create', ['h2']);
const plan = { steps: [vol, vm] } as unknown as Plan;

function view() {
  const clock = manualClock();
  const out = sink();
  const ui = new JsonUi(() => new Date(clock.now()));
  return { clock, out, v: new JsonView(out, ui, 10_000, clock.now) };
}

function parsed(text: string): Array<Record<string, unknown>> {
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('uiResource', () => {
  it('GIVEN addresses with keys and modules WHEN split THEN the parts are those of Terraform hooks', () => {
    expect(uiResource('module.app.nssv_vm.web[0]')).toEqual({
      addr: 'module.app.nssv_vm.web[0]',
      module: 'module.app',
      resource: 'module.app.nssv_vm.web',
      implied_provider: 'nssv',
      resource_type: 'nssv_vm',
      resource_name: 'web',
      resource_key: 0,
    });
    expect(uiResource('nssv_volume.data["a"]')).toMatchObject({
      module: '',
      resource: 'nssv_volume.data',
      resource_key: 'a',
    });
    expect(uiResource('nssv_host.h1')).toMatchObject({ resource: 'nssv_host.h1', resource_key: null });
  });
});

describe('JsonView', () => {
  it('GIVEN a step that fails after another completed WHEN the apply rolls back THEN the lines are start, complete, start, errored, its diagnostic and the rollback', () => {
    const { clock, out, v } = view();
    v.start(plan);
    v.event({ kind: 'start', step: vol });
    clock.advance(1500);
    v.event({ kind: 'done', step: vol, elapsedMs: 1500, id: 'a' });
    v.event({ kind: 'start', step: vm });
    clock.advance(2300);
    v.event({ kind: 'failed', step: vm, error: new Error('agent h2: domain web: out of memory') });
    v.event({ kind: 'undo-start', step: vol });
    v.event({ kind: 'undo-note', step: vol, note: 'data kept in the trash' });
    v.event({ kind: 'undo-done', step: vol });
    v.stop();
    const lines = parsed(out.text());
    expect(lines.map((l) => [l.type, l['@level'], l['@message']])).toEqual([
      ['apply_start', 'info', 'nssv_volume.data["a"]: Creating...'],
      ['apply_complete', 'info', 'nssv_volume.data["a"]: Creation complete after 1s [id=a]'],
      ['apply_start', 'info', 'module.app.nssv_vm.web[0]: Creating...'],
      ['apply_errored', 'info', 'module.app.nssv_vm.web[0]: Creation errored after 2s'],
      ['diagnostic', 'error', 'Error: module.app.nssv_vm.web[0]: create failed'],
      ['rollback_start', 'info', 'nssv_volume.data["a"]: Rolling back...'],
      ['rollback_note', 'info', 'nssv_volume.data["a"]: data kept in the trash'],
      ['rollback_complete', 'info', 'nssv_volume.data["a"]: Rolled back'],
    ]);
    expect(lines[1]).toEqual({
      '@level': 'info',
      '@message': 'nssv_volume.data["a"]: Creation complete after 1s [id=a]',
      '@module': 'nssv.ui',
      '@timestamp': '2026-12-05T03:00:01.500Z',
      type: 'apply_complete',
      hook: {
        resource: uiResource('nssv_volume.data["a"]'),
        action: 'create',
        hosts: ['h1'],
        id_key: 'id',
        id_value: 'a',
        elapsed_seconds: 1,
      },
    });
    expect(lines[4]!.diagnostic).toEqual({
      severity: 'error',
      summary: 'module.app.nssv_vm.web[0]: create failed',
      detail: 'agent h2: domain web: out of memory',
      address: 'module.app.nssv_vm.web[0]',
    });
  });

  it('GIVEN a step running 25 s WHEN time passes THEN apply_progress comes every 10 s, and none after it completes', () => {
    jest.useFakeTimers();
    try {
      const { clock, out, v } = view();
      v.start(plan);
      v.event({ kind: 'start', step: vm });
      for (let i = 0; i < 25; i++) {
        clock.advance(1000);
        jest.advanceTimersByTime(1000);
      }
      v.event({ kind: 'done', step: vm, elapsedMs: 25_000, id: 'web' });
      jest.advanceTimersByTime(30_000);
      v.stop();
      expect(parsed(out.text()).map((l) => l['@message'])).toEqual([
        'module.app.nssv_vm.web[0]: Creating...',
        'module.app.nssv_vm.web[0]: Still creating... [10s elapsed]',
        'module.app.nssv_vm.web[0]: Still creating... [20s elapsed]',
        'module.app.nssv_vm.web[0]: Creation complete after 25s [id=web]',
      ]);
      expect(parsed(out.text())[1]!.hook).toEqual({
        resource: uiResource('module.app.nssv_vm.web[0]'),
        action: 'create',
        hosts: ['h2'],
        elapsed_seconds: 10,
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('GIVEN a delete WHEN it completes THEN no id is reported, as in Terraform', () => {
    const { out, v } = view();
    const del = step('nssv_vm.old', 'delete');
    v.start(plan);
    v.event({ kind: 'start', step: del });
    v.event({ kind: 'done', step: del, elapsedMs: 200, id: 'old' });
    v.stop();
    expect(parsed(out.text())[1]).toMatchObject({
      '@message': 'nssv_vm.old: Destruction complete after 0s',
      hook: { action: 'delete', elapsed_seconds: 0 },
    });
    expect((parsed(out.text())[1]!.hook as Record<string, unknown>).id_value).toBeUndefined();
  });
});
