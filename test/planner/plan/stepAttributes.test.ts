import { stepAttributes } from '../../../planner/plan/stepAttributes.js';

const change = {
  before: { name: 'local', host_ids: ['h1', 'h2'], description: 'old' },
  after: { name: 'local', host_ids: ['h1', 'h3'], description: 'new' },
};

describe('stepAttributes', () => {
  test('GIVEN an update step of its own THEN the change before and after', () => {
    expect(stepAttributes({}, change)).toEqual(change);
  });

  test('GIVEN the reach stage THEN from before to after on the hosts of both', () => {
    expect(stepAttributes({ stage: { role: 'reach', hostIds: ['h1', 'h2', 'h3'] } }, change)).toEqual({
      before: change.before,
      after: { name: 'local', host_ids: ['h1', 'h2', 'h3'], description: 'new' },
    });
  });

  test('GIVEN the leave stage THEN from where the reach stage left it to after', () => {
    expect(stepAttributes({ stage: { role: 'leave', hostIds: ['h1', 'h2', 'h3'] } }, change)).toEqual({
      before: { name: 'local', host_ids: ['h1', 'h2', 'h3'], description: 'new' },
      after: change.after,
    });
  });
});
