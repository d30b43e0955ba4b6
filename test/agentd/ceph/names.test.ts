import { cephDataPoolName, cephPoolName, nssvPoolOf } from '../../../agentd/ceph/names.js';
import { parseRbdPath, rbdPath } from '../../../agentd/ceph/rbdVolumes.js';

describe('Ceph names of nssv rbd pools', () => {
  test('GIVEN pools "a" and "a-data" THEN their Ceph pools never collide', () => {
    expect([cephPoolName('a'), cephDataPoolName('a'), cephPoolName('a-data')]).toEqual([
      'nssv.a',
      'nssv.a.data',
      'nssv.a-data',
    ]);
  });
  test('GIVEN Ceph pool names THEN only main pools map back to nssv pools', () => {
    expect(nssvPoolOf('nssv.a')).toBe('a');
    expect(nssvPoolOf('nssv.a.data')).toBeUndefined();
    expect(nssvPoolOf('rbd')).toBeUndefined();
  });
  test('GIVEN a volume THEN its rbd path round-trips', () => {
    expect(rbdPath('ceph', 'data')).toBe('rbd:nssv.ceph/data');
    expect(parseRbdPath('rbd:nssv.ceph/data')).toEqual({ pool: 'ceph', volume: 'data' });
    expect(parseRbdPath('rbd:other/data')).toBeUndefined();
  });
});
