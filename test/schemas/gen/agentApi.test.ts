import { volatilePaths } from '../../../schemas/gen/agentApi.js';
import { resolveRef } from '../../../schemas/refs.js';

describe('volatilePaths', () => {
  it('GIVEN the agent API Inventory THEN the usage figures marked x-nssv-volatile, through $refs and arrays', () => {
    expect(volatilePaths(resolveRef('agent.Inventory'))).toEqual([
      ['pools', '*', 'availableBytes'],
      ['volumes', '*', 'allocatedBytes'],
      ['firewall', 'flows', '*', 'packets'],
      ['unmanaged', 'volumes', '*', 'allocatedBytes'],
    ]);
  });

  it('GIVEN a value that may be null (anyOf) THEN its marked parts are found in either branch', () => {
    expect(
      volatilePaths({
        type: 'object',
        properties: {
          usage: {
            anyOf: [
              { type: 'object', properties: { freeBytes: { type: 'integer', 'x-nssv-volatile': true } } },
              { type: 'null' },
            ],
          },
          name: { type: 'string' },
        },
      }),
    ).toEqual([['usage', 'freeBytes']]);
  });
});
