import { PlainView } from '../../../../bin/shared/progress/plainView.js';
import type { Plan } from '../../../../planner/plan/types.js';
import { manualClock, sink, step } from './steps.js';

describe('PlainView', () => {
  it('GIVEN an apply without a terminal WHEN steps run THEN each event is one timestamped line naming the host and the count, then the durations', () => {
    const clock = manualClock();
    const err = sink();
    const vol = step('nssv_volume.root', 'create', ['h1']);
    const vm = step('nssv_vm.web', 'update', ['h2']);
    const v = new PlainView(err, 10_000, clock.now);
    v.start({ steps: [vol, vm] } as unknown as Plan);
    v.event({ kind: 'start', step: vol });
    v.event({ kind: 'start', step: vm });
    clock.advance(1200);
    v.event({ kind: 'done', step: vol, elapsedMs: 1200, id: 'root' });
    clock.advance(3400);
    v.event({ kind: 'done', step: vm, elapsedMs: 4600, id: 'web' });
    v.stop();
    expect(err.text()).toBe(
      [
        '2026-12-05T03:00:00.000Z Applying 2 steps',
        '2026-12-05T03:00:00.000Z nssv_volume.root: Creating... [host h1]',
        '2026-12-05T03:00:00.000Z nssv_vm.web: Modifying... [host h2]',
        '2026-12-05T03:00:01.200Z nssv_volume.root: Creation complete after 1.2s [id=root] (1/2)',
        '2026-12-05T03:00:04.600Z nssv_vm.web: Modifications complete after 4.6s [id=web] (2/2)',
        '',
        '2 of 2 steps ran in 4.6s: 2 done, 0 failed.',
        'Slowest steps:',
        '  nssv_vm.web         4.6s  update on h2',
        '  nssv_volume.root    1.2s  create on h1',
        '',
      ].join('\n'),
    );
  });
});
