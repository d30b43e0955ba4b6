import { makeRefreshPlan, refreshedState } from '../../../planner/plan/refreshPlan.js';
import type { State } from '../../../planner/state/types.js';

const prior: State = {
  version: 1,
  serial: 3,
  lineage: 'L',
  resources: [
    {
      address: 'nssv_datacenter.a',
      type: 'nssv_datacenter',
      attributes: { id: 'a', name: 'a', description: '' },
      dependencies: [],
      sensitivePaths: [],
    },
    {
      address: 'nssv_datacenter.b',
      type: 'nssv_datacenter',
      attributes: { id: 'b', name: 'b', description: '' },
      dependencies: [],
      sensitivePaths: [],
    },
    {
      address: 'nssv_datacenter.c',
      type: 'nssv_datacenter',
      attributes: { id: 'c', name: 'c', description: '' },
      dependencies: [],
      sensitivePaths: [],
    },
  ],
};

test('GIVEN drift on the hosts WHEN planning -refresh-only THEN changes are state-only and applying records them', () => {
  const live = new Map([
    ['nssv_datacenter.a', { id: 'a', name: 'a', description: 'edited by hand' }],
    ['nssv_datacenter.b', null],
  ]);
  const plan = makeRefreshPlan(prior, live);
  expect(plan.changes.map((c) => [c.address, c.action, c.reason])).toEqual([
    ['nssv_datacenter.a', 'update', 'changed outside nssv'],
    ['nssv_datacenter.b', 'delete', 'deleted outside nssv'],
    ['nssv_datacenter.c', 'noop', undefined],
  ]);
  expect(plan.steps).toEqual([]);
  const next = refreshedState(prior, plan);
  expect(next.resources.map((r) => [r.address, r.attributes.description])).toEqual([
    ['nssv_datacenter.a', 'edited by hand'],
    ['nssv_datacenter.c', ''],
  ]);
});
