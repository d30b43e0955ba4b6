import { applySummary, progressLine } from '../../../bin/shared/progress.js';
import type { ApplyResult } from '../../../engine/types.js';
import type { Plan, PlanStep } from '../../../planner/plan/types.js';
import { step } from './progress/steps.js';

const hostIds = ['h1', 'h2', 'h3'];
const reach: PlanStep = {
  ...step('nssv_storage_pool.local', 'update'),
  id: 'nssv_storage_pool.local#reach',
  stage: { role: 'reach', hostIds },
};
const leave: PlanStep = { ...step('nssv_storage_pool.local', 'update'), stage: { role: 'leave', hostIds } };
const move = step('nssv_vm.x', 'update');

describe('progressLine', () => {
  test('GIVEN an update step of its own THEN the Terraform line', () => {
    expect(progressLine({ kind: 'start', step: move })).toBe('nssv_vm.x: Modifying...');
  });

  test('GIVEN the two steps of a staged update THEN each says which it is and what it does', () => {
    expect([reach, leave].map((s) => progressLine({ kind: 'start', step: s }))).toEqual([
      'nssv_storage_pool.local: Modifying... (step 1 of 2: onto the hosts it gains, before VMs move there)',
      'nssv_storage_pool.local: Modifying... (step 2 of 2: off the hosts it leaves)',
    ]);
  });
});

describe('applySummary', () => {
  test('GIVEN a staged update done in two steps THEN it counts as one change, as the plan did', () => {
    const plan = { steps: [reach, move, leave] } as Plan;
    const result = { ok: true, completed: [reach, move, leave], undone: [] } as unknown as ApplyResult;
    expect(applySummary(plan, result, 'Apply')).toBe(
      'Apply complete! Resources: 0 added, 2 changed, 0 destroyed.',
    );
  });
});
