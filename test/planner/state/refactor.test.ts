import type { MovedDecl, RemovedDecl } from '../../../planner/config/refactor-decls.js';
import { refactorState, replayRefactoring } from '../../../planner/state/refactor.js';
import type { State, StateResource } from '../../../planner/state/types.js';

const range = { file: 'main.tf', line: 1, column: 1 };
const r = (address: string, dependencies: string[] = []): StateResource => ({
  address,
  type: address.split('.').slice(-2)[0]!.replace(/\[.*$/, ''),
  attributes: { name: address },
  dependencies,
  sensitivePaths: [],
});
const state = (...resources: StateResource[]): State => ({ version: 1, serial: 7, lineage: 'L', resources });
const mv = (from: string, to: string): MovedDecl => ({ from, to, range });
const rm = (from: string, destroy: boolean): RemovedDecl => ({ from, destroy, range });

describe('refactorState', () => {
  test('GIVEN a resource move THEN all its instances and the dependencies on them are renamed, attributes kept', () => {
    const s = state(
      r('nssv_vm.a[0]'),
      r('nssv_vm.a[1]'),
      r('nssv_vm.ab'),
      r('nssv_volume.v', ['nssv_vm.a[0]']),
    );
    const out = refactorState(s, [mv('nssv_vm.a', 'nssv_vm.b')], [], new Set());
    expect(out.moved).toEqual([
      { from: 'nssv_vm.a[0]', to: 'nssv_vm.b[0]' },
      { from: 'nssv_vm.a[1]', to: 'nssv_vm.b[1]' },
    ]);
    expect(out.state.resources.map((x) => x.address)).toEqual([
      'nssv_vm.b[0]',
      'nssv_vm.b[1]',
      'nssv_vm.ab',
      'nssv_volume.v',
    ]);
    expect(out.state.resources[0]!.attributes).toEqual({ name: 'nssv_vm.a[0]' });
    expect(out.state.resources[3]!.dependencies).toEqual(['nssv_vm.b[0]']);
    expect(out.state.serial).toBe(7);
  });

  test('GIVEN chained moves and module moves THEN they apply in order; a move whose source is gone does nothing', () => {
    const s = state(r('nssv_vm.a'), r('module.x.nssv_vm.c'));
    const out = refactorState(
      s,
      [
        mv('nssv_vm.a', 'nssv_vm.b'),
        mv('nssv_vm.b', 'nssv_vm.c'),
        mv('module.x', 'module.y'),
        mv('nssv_vm.gone', 'nssv_vm.z'),
      ],
      [],
      new Set(),
    );
    expect(out.state.resources.map((x) => x.address)).toEqual(['nssv_vm.c', 'module.y.nssv_vm.c']);
    expect(out.diagnostics).toEqual([]);
  });

  test('GIVEN a move onto an address the state has THEN a warning and nothing moves', () => {
    const out = refactorState(
      state(r('nssv_vm.a'), r('nssv_vm.b')),
      [mv('nssv_vm.a', 'nssv_vm.b')],
      [],
      new Set(),
    );
    expect(out.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      ['NSSV_MOVED_TARGET_EXISTS', 'cannot move nssv_vm.a to nssv_vm.b: the state already has nssv_vm.b'],
    ]);
    expect(out.moved).toEqual([]);
  });

  test('GIVEN removed with destroy = false THEN its instances are forgotten; with destroy = true they stay to be destroyed', () => {
    const s = state(r('nssv_vm.old[0]'), r('nssv_vm.old[1]'), r('nssv_vm.gone'));
    const out = refactorState(s, [], [rm('nssv_vm.old', false), rm('nssv_vm.gone', true)], new Set());
    expect(out.forgotten).toEqual([
      { address: 'nssv_vm.old[0]', type: 'nssv_vm', attributeCount: 1 },
      { address: 'nssv_vm.old[1]', type: 'nssv_vm', attributeCount: 1 },
    ]);
    expect(out.state.resources.map((x) => x.address)).toEqual(['nssv_vm.gone']);
  });

  test('GIVEN removed for a resource still declared THEN an error and nothing is forgotten', () => {
    const out = refactorState(
      state(r('nssv_vm.old')),
      [],
      [rm('nssv_vm.old', false)],
      new Set(['nssv_vm.old']),
    );
    expect(out.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_REMOVED_STILL_DECLARED',
        'removed block for nssv_vm.old, but the configuration still declares nssv_vm.old',
      ],
    ]);
    expect(out.state.resources).toHaveLength(1);
  });

  test('GIVEN recorded moves and forgets THEN replaying them gives the same state', () => {
    const s = state(r('nssv_vm.a'), r('nssv_vm.old'), r('nssv_volume.v', ['nssv_vm.a']));
    const out = refactorState(s, [mv('nssv_vm.a', 'nssv_vm.b')], [rm('nssv_vm.old', false)], new Set());
    expect(replayRefactoring(s, out.moved, out.forgotten)).toEqual(out.state);
  });
});
