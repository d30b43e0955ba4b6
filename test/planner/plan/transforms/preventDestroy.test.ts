import { diff } from '../../../../planner/plan/transforms/diff.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { preventDestroy } from '../../../../planner/plan/transforms/preventDestroy.js';
import { desired } from '../../../helpers/desired.js';
import { planContext, recorded, stateOf } from '../../../helpers/planContext.js';

const prior = stateOf([recorded('nssv_datacenter.dc', { name: 'dc', id: 'dc' })]);

describe('preventDestroy', () => {
  test('GIVEN prevent_destroy WHEN the plan would destroy the instance THEN it is refused', () => {
    const dc = desired('nssv_datacenter.dc', { name: 'dc' });
    dc.lifecycle.preventDestroy = true;
    const ctx = planContext(
      { mode: 'destroy', desired: [dc], prior },
      plannedAttributes,
      diff,
      preventDestroy,
    );
    // destroy mode ignores the configuration, so its lifecycle does not protect anything
    expect(ctx.diagnostics).toEqual([]);
  });

  test('GIVEN prevent_destroy WHEN a force-new change would replace it THEN the plan fails with NSSV_PREVENT_DESTROY', () => {
    const dc = desired('nssv_datacenter.dc', { name: 'renamed' });
    dc.lifecycle.preventDestroy = true;
    const ctx = planContext({ desired: [dc], prior }, plannedAttributes, diff, preventDestroy);
    expect(ctx.changes[0]!.action).toBe('replace');
    expect(ctx.diagnostics.map((d) => [d.code, d.address])).toEqual([
      ['NSSV_PREVENT_DESTROY', 'nssv_datacenter.dc'],
    ]);
  });

  test('GIVEN no prevent_destroy WHEN it is replaced THEN nothing is reported', () => {
    const ctx = planContext(
      { desired: [desired('nssv_datacenter.dc', { name: 'renamed' })], prior },
      plannedAttributes,
      diff,
      preventDestroy,
    );
    expect(ctx.diagnostics).toEqual([]);
  });
});
