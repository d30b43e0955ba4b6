import { deriveHostSets } from '../../../../planner/plan/transforms/deriveHostSets.js';
import { place } from '../../../../planner/plan/transforms/place.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { vm, world } from '../../../helpers/desired.js';
import { planContext } from '../../../helpers/planContext.js';

const placed = (...instances: ReturnType<typeof vm>[]) =>
  planContext({ desired: [...world(), ...instances.flat()] }, plannedAttributes, deriveHostSets, place);

describe('place', () => {
  test('GIVEN new VMs WHEN placed THEN each goes to the host with most free memory, and says why', () => {
    const ctx = placed(vm('a', 1024), vm('b', 1024));
    const a = ctx.nodes.get('nssv_vm.a')!;
    const b = ctx.nodes.get('nssv_vm.b')!;
    expect([a.planned!.host_id, b.planned!.host_id]).toEqual(['h1', 'h2']);
    expect(a.notes).toEqual(['placed on h1: most free memory (4096 MiB)']);
    expect(ctx.diagnostics).toEqual([]);
  });

  test('GIVEN a VM pinned to a host WHEN placing others THEN its memory counts on that host', () => {
    const ctx = placed(vm('pinned', 3072, { host_id: 'h1' }), vm('b', 1024));
    expect(ctx.nodes.get('nssv_vm.b')!.planned!.host_id).toBe('h2');
  });

  test('GIVEN a VM and its volume WHEN placed THEN the dir-pool volume goes to the host of its VM', () => {
    const ctx = placed(vm('a', 1024, { host_id: 'h2' }));
    const volume = ctx.nodes.get('nssv_volume.a-disk')!;
    expect(volume.planned!.host_id).toBe('h2');
    expect(volume.notes).toEqual(['on h2, the host of nssv_vm.a']);
  });

  test('GIVEN a VM larger than any host WHEN placed THEN the plan fails naming the rule', () => {
    const ctx = placed(vm('huge', 65536));
    expect(ctx.diagnostics.map((d) => d.code)).toEqual(['NSSV_PLACEMENT_FAILED']);
    expect(ctx.nodes.get('nssv_vm.huge')!.planned!.host_id).toEqual({ $unknown: true });
  });
});
