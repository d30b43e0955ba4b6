/** The fuzzer's own parts: a reproducible PRNG and mutators that are total and deterministic. */
import { seedConfigs } from './corpus.js';
import { jsonMutators } from './mutateJson.js';
import { textMutators } from './mutateText.js';
import { mulberry32, streamFor } from './prng.js';
import { makeCase } from './runner.js';

describe('fuzz PRNG and mutators', () => {
  it('GIVEN the same seed WHEN drawing THEN the sequence is the same', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('GIVEN neighbouring seeds WHEN making streams THEN they are not shifted copies of each other', () => {
    const first = (seed: number) => Array.from({ length: 200 }, (_, i) => streamFor(seed, i).next());
    const one = new Set(first(1));
    const overlap = first(2).filter((x) => one.has(x)).length;
    expect(overlap).toBeLessThan(5);
  });

  it('GIVEN a seed and an index WHEN making the case twice THEN it is identical (replayable)', () => {
    const seeds = seedConfigs();
    for (const i of [0, 1, 977, 12345]) expect(makeCase(seeds, 7, i)).toEqual(makeCase(seeds, 7, i));
  });

  it('GIVEN every seed configuration WHEN each mutator runs on it THEN it never throws', () => {
    const seeds = seedConfigs();
    expect(seeds.length).toBeGreaterThanOrEqual(30);
    for (const [n, s] of seeds.entries()) {
      for (const m of Object.values(textMutators)) {
        for (let k = 0; k < 5; k++) expect(typeof m(s.text, mulberry32(n * 1000 + k))).toBe('string');
        expect(() => m('', mulberry32(n))).not.toThrow();
      }
      if (!s.fileName.endsWith('.json')) continue;
      for (const m of Object.values(jsonMutators)) {
        for (let k = 0; k < 5; k++) {
          const root = JSON.parse(s.text) as Record<string, never>;
          expect(() => m(root, mulberry32(n * 1000 + k))).not.toThrow();
        }
        expect(() => m({}, mulberry32(n))).not.toThrow();
      }
    }
  });
});
