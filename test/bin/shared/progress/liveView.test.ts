import { renderLiveFrame } from '../../../../bin/shared/progress/liveFrame.js';
import { LiveView } from '../../../../bin/shared/progress/liveView.js';
import { ApplyTracker } from '../../../../bin/shared/progress/tracker.js';
import type { Plan } from '../../../../planner/plan/types.js';
import { Writable } from 'node:stream';
import { manualClock, step } from './steps.js';

const vol = step('nssv_volume.root', 'create', ['h1']);
const vm = step('nssv_vm.web', 'create', ['h2']);
const pg = step('nssv_port_group.web', 'delete', ['h1', 'h2']);

describe('renderLiveFrame', () => {
  it('GIVEN steps running WHEN the frame is drawn THEN each running step shows its host and time, and the status line the counts', () => {
    const t = new ApplyTracker(5, 0);
    t.update({ kind: 'start', step: vol }, 0);
    t.update({ kind: 'done', step: vol, elapsedMs: 800 }, 800);
    t.update({ kind: 'start', step: vm }, 1000);
    t.update({ kind: 'start', step: pg }, 2500);
    expect(renderLiveFrame(t, 4200, 10)).toBe(
      [
        '  ⠹ nssv_vm.web          creating on h2  3.2s',
        '  ⠹ nssv_port_group.web  destroying on h1, h2  1.7s',
        'Applying: 1/5 done, 2 running, 2 left  [4.2s]',
      ].join('\n'),
    );
  });

  it('GIVEN more steps running than fit WHEN the frame is drawn THEN the longest-running are shown and the rest counted', () => {
    const t = new ApplyTracker(3, 0);
    t.update({ kind: 'start', step: vm }, 0);
    t.update({ kind: 'start', step: pg }, 100);
    t.update({ kind: 'start', step: vol }, 200);
    expect(renderLiveFrame(t, 1000, 1).split('\n')).toEqual([
      '  ⠋ nssv_vm.web  creating on h2  1.0s',
      '    … and 2 more running',
      'Applying: 0/3 done, 3 running, 0 left  [1.0s]',
    ]);
  });
});

describe('LiveView on a terminal', () => {
  it('GIVEN a fake TTY WHEN an apply runs THEN the live region is redrawn in place, finished steps stay above it, and the summary replaces it', () => {
    let written = '';
    const tty = Object.assign(
      new Writable({
        write(chunk, _enc, cb) {
          written += String(chunk);
          cb();
        },
      }),
      { isTTY: true, columns: 100, rows: 30 },
    );
    const clock = manualClock('2026-12-05T03:00:00.000Z');
    const v = new LiveView(tty, 60_000, clock.now);
    v.start({ steps: [vol, vm] } as unknown as Plan);
    v.event({ kind: 'start', step: vol });
    clock.advance(700);
    v.event({ kind: 'start', step: vm });
    clock.advance(1300);
    v.event({ kind: 'done', step: vol, elapsedMs: 2000, id: 'root' });
    clock.advance(500);
    v.event({ kind: 'done', step: vm, elapsedMs: 1800, id: 'web' });
    v.stop();
    // eslint-disable-next-line no-control-regex
    const ERASE_LINE = /\u001b\[2K/;
    expect(written).toMatch(ERASE_LINE);
    expect(written).toContain('nssv_volume.root  creating on h1  0.7s');
    expect(written).toContain('Applying: 1/2 done, 1 running, 0 left  [2.0s]');
    expect(written).toContain('nssv_volume.root: Creation complete after 2s [id=root]\n');
    expect(written).toContain('Applying: 2/2 done, 0 running, 0 left  [2.5s]');
    expect(
      written.endsWith(
        [
          '2 of 2 steps ran in 2.5s: 2 done, 0 failed.',
          'Slowest steps:',
          '  nssv_volume.root    2.0s  create on h1',
          '  nssv_vm.web         1.8s  create on h2',
          '',
        ].join('\n'),
      ),
    ).toBe(true);
  });
});
