import { Readiness } from '../../../engine/walk/readiness.js';
import type { PlanStep } from '../../../planner/plan/types.js';

const step = (id: string, after: string[] = []): PlanStep => ({
  id,
  address: id,
  type: 't',
  kind: 'create',
  after,
  hosts: [],
});

describe('Readiness', () => {
  test('GIVEN a step behind a barrier THEN it is ready only when every member of the barrier finished', () => {
    const r = new Readiness([step('a'), step('b'), step('c', ['all'])], { all: ['a', 'b'] });
    expect(r.readySteps().map((s) => s.id)).toEqual(['a', 'b']);
    r.take('a');
    r.take('b');
    r.finish('a');
    expect(r.readySteps()).toEqual([]);
    r.finish('b');
    expect(r.readySteps().map((s) => s.id)).toEqual(['c']);
  });

  test('GIVEN an empty barrier THEN its waiters are ready at once', () => {
    const r = new Readiness([step('c', ['none'])], { none: [] });
    expect(r.readySteps().map((s) => s.id)).toEqual(['c']);
  });

  test('GIVEN a cycle THEN the stuck steps are named', () => {
    const r = new Readiness([step('a', ['b']), step('b', ['a'])], {});
    expect(r.stuck()).toEqual(['a', 'b']);
  });
});
