import { makePlan } from '../../../../planner/plan/makePlan.js';
import { emptyState } from '../../../../planner/state/types.js';
import { facts, vm, world } from '../../../helpers/desired.js';

const plan = (excludes: string[]) =>
  makePlan({
    mode: 'normal',
    desired: [...world(), ...vm('a'), ...vm('b')],
    prior: emptyState('L'),
    live: new Map(),
    hostFacts: facts,
    excludes,
  });

describe('-exclude', () => {
  test('GIVEN -exclude of a volume THEN it and the VM that uses it are not planned; the rest is', () => {
    const p = plan(['nssv_volume.a-disk']);
    const actions = Object.fromEntries(p.changes.map((c) => [c.address, c.action]));
    expect(actions['nssv_volume.a-disk']).toBeUndefined();
    expect(actions['nssv_vm.a']).toBeUndefined();
    expect(actions['nssv_vm.b']).toBe('create');
    expect(actions['nssv_volume.b-disk']).toBe('create');
    expect(p.steps.map((s) => s.address)).not.toContain('nssv_vm.a');
    expect(p.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'NSSV_EXCLUDING']]);
  });

  test('GIVEN -exclude of an unknown address THEN an error says so', () => {
    const p = plan(['nssv_vm.nope']);
    expect(p.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      ['NSSV_EXCLUDE_UNKNOWN', '-exclude nssv_vm.nope matches no resource in the configuration or the state'],
      ['NSSV_EXCLUDING', 'Resource exclusion is in effect'],
    ]);
    expect(p.steps).toEqual([]);
  });
});
