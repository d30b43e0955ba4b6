import { assignZones } from '../../../agentd/firewall/store.js';

describe('assignZones', () => {
  test('GIVEN known NICs THEN they keep their zones; new ones get the lowest free; departed ones free theirs', () => {
    expect(assignZones({ a: 1, b: 2, gone: 3 }, ['b', 'c', 'a', 'd'])).toEqual({ a: 1, b: 2, c: 3, d: 4 });
    expect(assignZones({ b: 2 }, ['x', 'b'])).toEqual({ b: 2, x: 1 });
  });
});
