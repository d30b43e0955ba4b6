import { renderPlanText } from '../../../planner/render/planText.js';
import { planJson } from '../../../planner/render/planJson.js';
import { planHasChanges, type Plan } from '../../../planner/plan/types.js';

const base: Plan = {
  formatVersion: 1,
  mode: 'normal',
  changes: [
    {
      address: 'nssv_vm.frontend',
      type: 'nssv_vm',
      action: 'noop',
      before: { name: 'web1', vcpus: 1 },
      after: { name: 'web1', vcpus: 1 },
      requiredReplace: [],
      sensitivePaths: [],
    },
  ],
  dependencies: {},
  steps: [],
  barriers: {},
  prior: { lineage: 'L', serial: 3 },
  diagnostics: [],
};

describe('moved and forgotten instances in the plan', () => {
  test('GIVEN only a move and a forget THEN the plan shows both, Terraform-style, and counts the forget', () => {
    const plan: Plan = {
      ...base,
      moved: [{ from: 'nssv_vm.web1', to: 'nssv_vm.frontend' }],
      forgotten: [{ address: 'nssv_vm.legacy', type: 'nssv_vm', attributeCount: 12 }],
    };
    expect(planHasChanges(plan)).toBe(true);
    expect(renderPlanText(plan)).toBe(
      [
        'nssv will perform the following actions:',
        'Resource actions are indicated with the following symbols:',
        '    . forget',
        '',
        '  # nssv_vm.web1 has moved to nssv_vm.frontend',
        '    resource "nssv_vm" "frontend" {',
        '        # (2 unchanged attributes hidden)',
        '    }',
        '',
        '  # nssv_vm.legacy will no longer be managed by nssv, but will not be destroyed',
        '  # (destroy = false is set in the configuration)',
        '  . resource "nssv_vm" "legacy" {',
        '        # (12 unchanged attributes hidden)',
        '    }',
        '',
        'Plan: 0 to add, 0 to change, 0 to destroy, 1 to forget.',
        '',
      ].join('\n'),
    );
    expect(planJson(plan)).toMatchObject({
      summary: { add: 0, change: 0, destroy: 0, forget: 1 },
      moved: [{ from: 'nssv_vm.web1', to: 'nssv_vm.frontend' }],
      forgotten: ['nssv_vm.legacy'],
    });
  });

  test('GIVEN a moved instance that also changes THEN its change says where it moved from', () => {
    const plan: Plan = {
      ...base,
      changes: [{ ...base.changes[0]!, action: 'update', after: { name: 'web1', vcpus: 2 } }],
      moved: [{ from: 'nssv_vm.web1', to: 'nssv_vm.frontend' }],
    };
    expect(renderPlanText(plan)).toContain(
      '  # nssv_vm.frontend will be updated in-place\n  # (moved from nssv_vm.web1)\n  ~ resource "nssv_vm" "frontend" {\n',
    );
  });
});
