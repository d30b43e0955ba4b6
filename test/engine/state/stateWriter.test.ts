import {
  MIN_CHANGES_BEFORE_COMPACTION,
  StateWriter,
  type StateSink,
} from '../../../engine/state/stateWriter.js';
import type { InstanceChange } from '../../../engine/state/stateUpdate.js';
import { emptyState, type State, type StateResource } from '../../../planner/state/types.js';

const res = (address: string): StateResource => ({
  address,
  type: 't',
  attributes: {},
  dependencies: [],
  sensitivePaths: [],
});
const set = (address: string): InstanceChange => ({ address, resource: res(address) });
const del = (address: string): InstanceChange => ({ address, resource: null });

/** A sink that records what it was asked to write: "save:a,b" or "append@serial:a,-b". */
function recordingSink(withLog: boolean, delayMs = 0): { sink: StateSink; log: string[] } {
  const log: string[] = [];
  const sink: StateSink = {
    async save(s: State) {
      await new Promise((r) => setTimeout(r, delayMs));
      log.push(`save:${s.resources.map((r) => r.address).join(',')}`);
      return { ...s, serial: s.serial + 1 };
    },
    ...(withLog
      ? {
          async append(base, changes) {
            await new Promise((r) => setTimeout(r, delayMs));
            log.push(
              `append@${base.serial}:${changes.map((c) => (c.resource ? '' : '-') + c.address).join(',')}`,
            );
          },
        }
      : {}),
  };
  return { sink, log };
}

describe('StateWriter', () => {
  test('GIVEN no change log AND updates while a write is in flight THEN the next whole write has them all', async () => {
    const { sink, log } = recordingSink(false, 5);
    const writer = new StateWriter(emptyState('L'), sink);
    await Promise.all([writer.update(set('b')), writer.update(set('a')), writer.update(set('c'))]);
    expect(log).toEqual(['save:b', 'save:a,b,c']);
    expect(writer.state.serial).toBe(2);
    await writer.finish();
    expect(log).toHaveLength(2); // nothing only in a log: no extra write
  });

  test('GIVEN a change log THEN batches are appended on the stored serial, and finish writes the whole state once', async () => {
    const { sink, log } = recordingSink(true, 5);
    const writer = new StateWriter({ ...emptyState('L'), serial: 7, resources: [res('x')] }, sink);
    await Promise.all([writer.update(set('b')), writer.update(del('x')), writer.update(set('a'))]);
    await writer.update(set('c'));
    expect(log).toEqual(['append@7:b', 'append@7:-x,a', 'append@7:c']);
    await writer.finish();
    expect(log.slice(3)).toEqual(['save:a,b,c']);
    expect(writer.state.serial).toBe(8);
    await writer.finish();
    expect(log).toHaveLength(4);
  });

  test(`GIVEN a change log THEN the whole state is written once ${MIN_CHANGES_BEFORE_COMPACTION} changes, or as many as the state has instances, are logged`, async () => {
    const big = { ...emptyState('L'), resources: Array.from({ length: 1500 }, (_, i) => res(`r${i}`)) };
    const { sink, log } = recordingSink(true);
    const writer = new StateWriter(big, sink);
    for (let i = 0; i < 1499; i++) await writer.update(set(`r${i}`));
    expect(log.filter((l) => l.startsWith('save:'))).toHaveLength(0);
    await writer.update(set('r1499')); // the 1,500th change: as many as the state's instances
    expect(log.filter((l) => l.startsWith('save:'))).toHaveLength(1);
    expect(log.at(-1)!.split(',')).toHaveLength(1500);
    await writer.update(del('r0'));
    expect(log.at(-1)).toBe('append@1:-r0');
  });

  test('GIVEN a failing write THEN the updates waiting for it are rejected with its error', async () => {
    const writer = new StateWriter(emptyState('L'), {
      save: async () => {
        throw new Error('disk full');
      },
    });
    await expect(writer.update(set('a'))).rejects.toThrow('disk full');
    await writer.idle();
  });

  test('GIVEN updates THEN get answers from the working state at once, before any write', () => {
    const { sink } = recordingSink(true, 50);
    const writer = new StateWriter(emptyState('L'), sink);
    void writer.update(set('a'));
    expect(writer.get('a')).toEqual(res('a'));
    void writer.update(del('a'));
    expect(writer.get('a')).toBeUndefined();
  });
});

test('GIVEN a sink that cannot append yet (nothing stored) THEN the first write is whole, the next appended', async () => {
  const { sink, log } = recordingSink(true);
  let stored = false;
  const writer = new StateWriter(emptyState('L'), {
    save: async (s) => {
      stored = true;
      return sink.save(s);
    },
    append: sink.append!,
    canAppend: () => stored,
  });
  await writer.update(set('a'));
  await writer.update(set('b'));
  expect(log).toEqual(['save:a', 'append@1:b']);
});
