import fc from 'fast-check';
import { jsonEqual } from '../../core/jsonEqual.js';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

describe('jsonEqual', () => {
  it('GIVEN values whose JSON texts are equal THEN they are equal, whatever JS identity says', () => {
    expect(jsonEqual({ a: 1, b: [1, 'x', null] }, { a: 1, b: [1, 'x', null] })).toBe(true);
    expect(jsonEqual({ a: 1, u: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([undefined, 1], [null, 1])).toBe(true);
    expect(jsonEqual(0, -0)).toBe(true);
    expect(jsonEqual(NaN, null)).toBe(true);
    expect(jsonEqual([Infinity], [null])).toBe(true);
    expect(jsonEqual(undefined, undefined)).toBe(true);
    expect(jsonEqual({ d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' })).toBe(true);
  });

  it('GIVEN values whose JSON texts differ THEN they differ (key order counts)', () => {
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(undefined, null)).toBe(false);
    expect(jsonEqual({ $unknown: true }, { $unknown: false })).toBe(false);
  });

  it('GIVEN any two JSON-like values THEN the answer is that of comparing their JSON texts', () => {
    const leaf = fc.oneof(
      fc.constantFrom(null, undefined, true, false, 0, -0, 1, NaN, Infinity, '', 'a', 'b'),
      fc.integer({ min: -3, max: 3 }),
    );
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, tie('arr'), tie('obj')),
      arr: fc.array(tie('v'), { maxLength: 3 }),
      obj: fc.dictionary(fc.constantFrom('a', 'b', 'c', '1'), tie('v'), { maxKeys: 3 }),
    })).v;
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(jsonEqual(a, b)).toBe(same(a, b));
        expect(jsonEqual(a, structuredClone(a))).toBe(same(a, structuredClone(a)));
      }),
      { numRuns: 3000 },
    );
  });
});
