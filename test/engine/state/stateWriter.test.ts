import { StateWriter } from '../../../engine/state/stateWriter.js';
import { emptyState, type State } from '../../../planner/state/types.js';

const withMarker = (s: State, address: string): State => ({
  ...s,
  resources: [...s.resources, { address, type: 't', attributes: {}, dependencies: [], sensitivePaths: [] }],
});

describe('StateWriter', () => {
  test('GIVEN updates while a write is in flight THEN they are written together by the next write, none lost', async () => {
    const writes: string[][] = [];
    const writer = new StateWriter(emptyState('L'), async (s) => {
      await new Promise((r) => setTimeout(r, 5));
      writes.push(s.resources.map((r) => r.address));
      return { ...s, serial: s.serial + 1 };
    });
    const a = writer.update(withMarker(writer.state, 'a'));
    const b = writer.update(withMarker(writer.state, 'b'));
    const c = writer.update(withMarker(writer.state, 'c'));
    await Promise.all([a, b, c]);
    expect(writes).toEqual([['a'], ['a', 'b', 'c']]);
    expect(writer.state.serial).toBe(2);
    expect(writer.state.resources.map((r) => r.address)).toEqual(['a', 'b', 'c']);
  });

  test('GIVEN a failing write THEN the updates waiting for it are rejected with its error', async () => {
    const writer = new StateWriter(emptyState('L'), async () => {
      throw new Error('disk full');
    });
    await expect(writer.update(withMarker(writer.state, 'a'))).rejects.toThrow('disk full');
    await writer.idle();
  });
});
