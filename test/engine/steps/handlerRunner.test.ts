import type { Attributes } from '../../../core/values.js';
import { handlerRunner } from '../../../engine/steps/handlerRunner.js';
import type { PlanStep } from '../../../planner/plan/types.js';
import type { ResourceChange } from '../../../planner/resourceChange.js';
import type { AgentClient } from '../../../provider/agent/client.js';
import type { HandlerContext } from '../../../provider/handlers/types.js';

const step: PlanStep = {
  id: 'nssv_volume.data#update',
  address: 'nssv_volume.data',
  type: 'nssv_volume',
  kind: 'update',
  after: [],
  hosts: ['h1'],
};
const vol = (size: number, extra: Attributes = {}): Attributes => ({
  id: 'data',
  name: 'data',
  pool_id: 'ceph',
  size_gib: size,
  format: 'raw',
  host_id: 'h1',
  delete_policy: 'immediate',
  clone_state: null,
  ...extra,
});

function fakeCtx(puts: unknown[]): HandlerContext {
  const agent = {
    putVolume: async (pool: string, name: string, spec: unknown) => {
      puts.push([pool, name, spec]);
      return {};
    },
  } as unknown as AgentClient;
  return { agent: () => agent, inventory: async () => ({}) as never, invalidate: () => undefined };
}

describe('handlerRunner undo of an update', () => {
  test('GIVEN a volume grown by the apply WHEN the apply is rolled back THEN the size is kept and a note says so', async () => {
    const puts: unknown[] = [];
    const notes: string[] = [];
    const runner = handlerRunner(fakeCtx(puts), (s, n) => notes.push(`${s.address}: ${n}`));
    const restored = await runner.undo(step, {} as ResourceChange, vol(1), vol(2));
    expect(restored).toEqual(vol(2));
    expect(puts).toEqual([['ceph', 'data', { address: 'nssv_volume.data', sizeGiB: 2, format: 'raw' }]]);
    expect(notes).toEqual([
      'nssv_volume.data: kept size_gib = 2 (was 1): a volume is never shrunk, that would destroy data written since the grow; shrink it by creating a new, smaller volume',
    ]);
  });

  test('GIVEN an update that did not grow the volume WHEN undone THEN the prior attributes are restored without a note', async () => {
    const puts: unknown[] = [];
    const notes: string[] = [];
    const runner = handlerRunner(fakeCtx(puts), (_s, n) => notes.push(n));
    const restored = await runner.undo(
      step,
      {} as ResourceChange,
      vol(2),
      vol(2, { delete_policy: 'delayed' }),
    );
    expect(restored).toEqual(vol(2));
    expect(notes).toEqual([]);
  });
});
