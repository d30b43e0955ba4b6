import { mergeRatios, parseRatio } from '../../sandbox/clusterFlags.js';
import { SandboxError } from '../../sandbox/errors.js';

describe('parseRatio', () => {
  it('GIVEN a number in nssv_cluster range THEN it is the ratio', () => {
    expect([parseRatio('cpu-overcommit-ratio', '2'), parseRatio('memory-overcommit-ratio', ' 1.5 ')]).toEqual(
      [2, 1.5],
    );
  });

  it.each(['0.5', '4.5', 'two', '-1', '1e0', ''])(
    'GIVEN %j THEN it is refused with the range and an example',
    (given) => {
      const err = (() => {
        try {
          parseRatio('cpu-overcommit-ratio', given);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(SandboxError);
      expect((err as SandboxError).message).toBe(
        `Invalid cpu-overcommit-ratio ${JSON.stringify(given)}: it takes a number from 1.0 to 4.0 (nssv_cluster's range).`,
      );
      expect((err as SandboxError).hint).toBe('Fix: pass e.g. --cpu-overcommit-ratio 2.0.');
    },
  );
});

describe('mergeRatios', () => {
  it('takes the given ratios, else the recorded ones, else 1', () => {
    expect(mergeRatios(undefined, {})).toEqual({ cpuOvercommitRatio: 1, memoryOvercommitRatio: 1 });
    expect(
      mergeRatios({ cpuOvercommitRatio: 3, memoryOvercommitRatio: 2 }, { memoryOvercommitRatio: 1.5 }),
    ).toEqual({
      cpuOvercommitRatio: 3,
      memoryOvercommitRatio: 1.5,
    });
  });
});
