import { FlowChain, type Flow, type UndoFailure } from '../../../agentd/flow/flow.js';

function recorder(
  log: string[],
  name: string,
  opts: { failRun?: boolean; failUndo?: boolean } = {},
): Flow<object> {
  return {
    name,
    run: async () => {
      log.push(`run ${name}`);
      if (opts.failRun) throw new Error(`${name} failed`);
    },
    rollback: async () => {
      log.push(`undo ${name}`);
      if (opts.failUndo) throw new Error(`undo of ${name} failed`);
    },
  };
}

describe('FlowChain', () => {
  it('GIVEN flows that succeed WHEN run THEN each runs once in order and nothing is undone', async () => {
    const log: string[] = [];
    await new FlowChain('c', [recorder(log, 'a'), recorder(log, 'b')]).run({});
    expect(log).toEqual(['run a', 'run b']);
  });

  it('GIVEN the third flow fails WHEN run THEN the failing flow and the ones before are undone last-in-first-out and the error is rethrown', async () => {
    const log: string[] = [];
    const chain = new FlowChain('c', [
      recorder(log, 'a'),
      recorder(log, 'b'),
      recorder(log, 'c', { failRun: true }),
      recorder(log, 'd'),
    ]);
    await expect(chain.run({})).rejects.toThrow('c failed');
    expect(log).toEqual(['run a', 'run b', 'run c', 'undo c', 'undo b', 'undo a']);
  });

  it('GIVEN an undo fails WHEN rolling back THEN it is recorded, the other undos still run and the original error wins', async () => {
    const log: string[] = [];
    const failures: UndoFailure[] = [];
    const chain = new FlowChain(
      'put thing',
      [recorder(log, 'a'), recorder(log, 'b', { failUndo: true }), recorder(log, 'c', { failRun: true })],
      {
        onUndoFailure: (f) => failures.push(f),
      },
    );
    await expect(chain.run({})).rejects.toThrow('c failed');
    expect(log).toEqual(['run a', 'run b', 'run c', 'undo c', 'undo b', 'undo a']);
    expect(failures).toEqual([
      { chain: 'put thing', flow: 'b', error: 'undo of b failed', cause: 'c failed' },
    ]);
  });

  it('GIVEN a typed context WHEN flows run THEN later flows and rollbacks see what earlier ones stored', async () => {
    const seen: string[] = [];
    const chain = new FlowChain<{ created?: string }>('c', [
      {
        name: 'create',
        run: async (ctx) => {
          ctx.created = 'vol-1';
        },
        rollback: async (ctx) => {
          seen.push(`delete ${ctx.created}`);
        },
      },
      { name: 'fail', run: async () => Promise.reject(new Error('boom')), rollback: async () => undefined },
    ]);
    await expect(chain.run({})).rejects.toThrow('boom');
    expect(seen).toEqual(['delete vol-1']);
  });
});
