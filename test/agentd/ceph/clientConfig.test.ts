import { fsidOf, keyOf, monHostsOf } from '../../../agentd/ceph/clientConfig.js';
import { secretUuid } from '../../../agentd/ceph/secret.js';

describe('Ceph client configuration', () => {
  test('GIVEN mon_host with v2 and v1 addresses THEN the v1 ones are what QEMU gets', () => {
    expect(
      monHostsOf(
        '[global]\nmon_host = [v2:10.0.0.1:3300,v1:10.0.0.1:6789] [v2:10.0.0.2:3300,v1:10.0.0.2:6789]\n',
      ),
    ).toEqual([
      { name: '10.0.0.1', port: 6789 },
      { name: '10.0.0.2', port: 6789 },
    ]);
  });
  test('GIVEN plain mon_host addresses THEN the default v1 port is used', () => {
    expect(monHostsOf('mon host = 10.0.0.1, 10.0.0.2:6790\n')).toEqual([
      { name: '10.0.0.1', port: 6789 },
      { name: '10.0.0.2', port: 6790 },
    ]);
  });
  test('GIVEN a keyring with several clients THEN the key of the configured user is found', () => {
    const keyring = '[client.admin]\n\tkey = AAA==\n\tcaps mon = "allow *"\n[client.nssv]\n\tkey = BBB==\n';
    expect(keyOf(keyring, 'nssv')).toBe('BBB==');
    expect(keyOf(keyring, 'other')).toBeUndefined();
  });
  test('GIVEN a cluster and user THEN every host derives the same secret UUID', () => {
    const fsid = fsidOf('[global]\nfsid = 4bda7637-9265-41b2-9b9b-b2ef259fac28\n');
    expect(fsid).toBe('4bda7637-9265-41b2-9b9b-b2ef259fac28');
    expect(secretUuid(fsid, 'admin')).toBe(secretUuid(fsid, 'admin'));
    expect(secretUuid(fsid, 'admin')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(secretUuid(fsid, 'nssv')).not.toBe(secretUuid(fsid, 'admin'));
  });
});
