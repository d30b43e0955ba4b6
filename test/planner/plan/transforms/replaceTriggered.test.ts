import { diff } from '../../../../planner/plan/transforms/diff.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { replaceTriggered } from '../../../../planner/plan/transforms/replaceTriggered.js';
import { desired } from '../../../helpers/desired.js';
import { planContext, recorded, stateOf } from '../../../helpers/planContext.js';

const applied = stateOf([
  recorded('nssv_datacenter.a', { name: 'a', id: 'a', description: 'old' }),
  recorded('nssv_datacenter.b', { name: 'b', id: 'b' }),
]);

function plan(aDescription: string, triggeredBy: string) {
  const b = desired('nssv_datacenter.b', { name: 'b' });
  b.lifecycle.replaceTriggeredBy = [triggeredBy];
  return planContext(
    { desired: [desired('nssv_datacenter.a', { name: 'a', description: aDescription }), b], prior: applied },
    plannedAttributes,
    diff,
    replaceTriggered,
  ).changes.find((c) => c.address === 'nssv_datacenter.b')!;
}

describe('replaceTriggered', () => {
  test('GIVEN replace_triggered_by a resource that is updated THEN the instance is replaced, saying why', () => {
    const b = plan('new', 'nssv_datacenter.a');
    expect([b.action, b.reason]).toEqual(['replace', 'replace_triggered_by nssv_datacenter.a']);
  });

  test('GIVEN replace_triggered_by an attribute that changes THEN it is replaced; one that does not THEN not', () => {
    expect(plan('new', 'nssv_datacenter.a.description').action).toBe('replace');
    expect(plan('new', 'nssv_datacenter.a.name').action).toBe('noop');
  });

  test('GIVEN the named resource does not change THEN nothing is replaced', () => {
    expect(plan('old', 'nssv_datacenter.a').action).toBe('noop');
  });
});
