import { unknownValue } from '../../../core/values.js';
import { replaceCauses } from '../../../planner/plan/replaceCauses.js';

const planned = { name: 'web', nic: [{ port_group_id: 'db', mac: unknownValue, ip: unknownValue }] };

describe('replaceCauses', () => {
  it('GIVEN a NIC put on another port group THEN its unset, unknown MAC and IP are not named as causes', () => {
    const configured = { name: 'web', nic: [{ port_group_id: 'db', mac: null }] };
    expect(replaceCauses(['nic[0].port_group_id', 'nic[0].mac', 'nic[0].ip'], planned, configured)).toEqual([
      'nic[0].port_group_id',
    ]);
  });

  it('GIVEN a configured value that is unknown (a reference to a replaced resource) THEN it stays a cause', () => {
    const unknownGroup = { name: 'web', nic: [{ port_group_id: unknownValue, mac: unknownValue }] };
    expect(
      replaceCauses(['nic[0].port_group_id', 'nic[0].mac'], unknownGroup, {
        nic: [{ port_group_id: unknownValue }],
      }),
    ).toEqual(['nic[0].port_group_id']);
  });

  it('GIVEN only consequences THEN every path is kept (the action never changes)', () => {
    expect(replaceCauses(['nic[0].mac'], planned, {})).toEqual(['nic[0].mac']);
  });

  it('GIVEN top-level paths THEN a known change is a cause', () => {
    expect(replaceCauses(['name'], planned, { name: 'web' })).toEqual(['name']);
  });
});
