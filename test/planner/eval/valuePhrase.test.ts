import { BigNum } from '../../../planner/eval/number.js';
import { NUMBER, STRING, listOf } from '../../../planner/eval/types.js';
import {
  bool,
  list,
  map,
  nullOf,
  num,
  object,
  sensitive,
  set,
  str,
  tuple,
  unknownOf,
} from '../../../planner/eval/value.js';
import { valuePhrase } from '../../../planner/eval/valuePhrase.js';

describe('valuePhrase', () => {
  it.each([
    ['a string, quoted', 'is "he said \\"hi\\""', str('he said "hi"')],
    ['a number', 'is 1.5', num(BigNum.parse('1.5')!)],
    ['a bool', 'is false', bool(false)],
    ['null', 'is null', nullOf(STRING)],
    ['a list', 'is list of string with 3 elements', list(STRING, [str('a'), str('b'), str('c')])],
    ['an empty set', 'is empty set of string', set(STRING, [])],
    ['a map of one', 'is map of number with 1 element', map(NUMBER, [['x', num(BigNum.fromInt(1))]])],
    ['a tuple', 'is tuple with 2 elements', tuple([str('a'), bool(true)])],
    [
      'an object',
      'is object with 2 attributes',
      object([
        ['a', str('x')],
        ['b', str('y')],
      ]),
    ],
    ['an empty object', 'is object with no attributes', object([])],
    ['an unknown list', 'is a list of string, known only after apply', unknownOf(listOf(STRING))],
    ['a sensitive string', 'has a sensitive value', sensitive(str('s3cr3t'))],
    [
      'a list holding a sensitive element',
      'has a sensitive value',
      list(STRING, [str('a'), sensitive(str('b'))]),
    ],
  ] as const)('GIVEN %s THEN it %s', (_what, phrase, value) => {
    expect(valuePhrase(value)).toBe(phrase);
  });

  it('GIVEN an empty map and an empty list THEN their types are named', () => {
    expect(valuePhrase(map(NUMBER, []))).toBe('is empty map of number');
    expect(valuePhrase(list(STRING, []))).toBe('is empty list of string');
    expect(valuePhrase(set(NUMBER, []))).toBe('is empty set of number');
  });
});
