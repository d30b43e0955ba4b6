import { type Value, object, str } from '../../../planner/eval/value.js';

const keysAndValues = (v: Value) => [...(v.v as Map<string, Value>)].map(([k, x]) => [k, x.v]);
const typeKeys = (v: Value) => (v.t.k === 'object' ? [...v.t.attrs.keys()] : []);

describe('object', () => {
  it('GIVEN entries in key order WHEN made an object THEN it keeps them', () => {
    const o = object([
      ['a', str('1')],
      ['b', str('2')],
    ]);
    expect(keysAndValues(o)).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(typeKeys(o)).toEqual(['a', 'b']);
  });

  it('GIVEN entries out of order, from a generator, with a repeated key WHEN made an object THEN keys are sorted and the later value wins', () => {
    function* entries(): Generator<[string, Value]> {
      yield ['c', str('1')];
      yield ['d', str('2')];
      yield ['a', str('3')];
      yield ['c', str('4')];
    }
    const o = object(entries());
    expect(keysAndValues(o)).toEqual([
      ['a', '3'],
      ['c', '4'],
      ['d', '2'],
    ]);
    expect(typeKeys(o)).toEqual(['a', 'c', 'd']);
  });
});
