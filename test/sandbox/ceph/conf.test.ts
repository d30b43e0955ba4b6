import { cephConf, monAddrs } from '../../../sandbox/ceph/conf.js';
import { cephPaths } from '../../../sandbox/ceph/paths.js';

describe('sandbox ceph.conf', () => {
  const p = cephPaths('/tmp/sb');
  const conf = cephConf('f5e0a1a2-0000-4000-8000-000000000001', p);

  test('GIVEN a root THEN every path of the cluster is under <root>/ceph', () => {
    expect(p.conf).toBe('/tmp/sb/ceph/ceph.conf');
    expect(p.adminKeyring).toBe('/tmp/sb/ceph/ceph.client.admin.keyring');
    expect(p.osdData(2)).toBe('/tmp/sb/ceph/osd/ceph-2');
  });

  test('GIVEN the conf THEN the monitor is on the storage address and daemons find their keyrings', () => {
    expect(monAddrs()).toBe('[v2:10.250.0.254:3300,v1:10.250.0.254:6789]');
    expect(conf).toContain('mon_host = [v2:10.250.0.254:3300,v1:10.250.0.254:6789]\n');
    expect(conf).toContain('fsid = f5e0a1a2-0000-4000-8000-000000000001\n');
    expect(conf).toContain('keyring = /tmp/sb/ceph/ceph.client.admin.keyring\n');
    expect(conf).toContain('[osd]\nkeyring = $osd_data/keyring\n');
    expect(conf).toContain('osd_objectstore = memstore\n');
    expect(conf).toContain('mon_debug_no_require_bluestore_for_ec_overwrites = true\n');
  });
});
