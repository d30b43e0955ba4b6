import type { CephPoolDetail, CrushRule } from '../../agentd/ceph/cephModel.js';
import { FakeExec } from './fake-exec.js';
import { startTestAgent, type TestAgent } from './harness.js';

const EMPTY_TABLE = '{"data":[],"headings":[]}';

/** A replicated Ceph pool of Ceph's pool table, with `rbd` application metadata when given. */
const cephPool = (name: string, rbd?: Record<string, string>): CephPoolDetail => ({
  pool_name: name,
  type: 1,
  size: 2,
  min_size: 1,
  crush_rule: 1,
  quota_max_bytes: 0,
  erasure_code_profile: '',
  options: {},
  application_metadata: rbd === undefined ? {} : { rbd },
});

/** Ceph's own pool, an nssv rbd pool without volumes and an rbd image store without images. */
const POOL_TABLE: CephPoolDetail[] = [
  cephPool('.mgr'),
  cephPool('nssv.ceph', { 'nssv.address': 'nssv_storage_pool.ceph' }),
  cephPool('nssv-images.gold', { 'nssv.address': 'nssv_image_storage.gold' }),
];
const RULES: CrushRule[] = [
  {
    rule_id: 1,
    rule_name: 'nssv.ceph',
    steps: [{ op: 'take', item_name: 'default' }, { op: 'chooseleaf_firstn', type: 'host' }, { op: 'emit' }],
  },
];

/** `ceph osd dump` with the pool table above, at a CRUSH map version the test moves. */
let crushVersion = 3;

/** A host with Ceph and nothing else: virsh lists nothing, Open vSwitch has empty tables. */
function fakeTools(): FakeExec {
  return new FakeExec()
    .on('osd dump', () => ({
      stdout: JSON.stringify({ crush_version: crushVersion, pools: POOL_TABLE, erasure_code_profiles: {} }),
    }))
    .on('osd crush rule dump', { stdout: JSON.stringify(RULES) })
    .on('virsh', { stdout: '' })
    .on('ovs-vsctl', ({ args }) => ({
      stdout: `${EMPTY_TABLE}\n`.repeat(args.filter((a) => a.startsWith('--columns=')).length),
    }));
}

describe('the inventory of a host with Ceph (fake ceph CLI)', () => {
  let fake: FakeExec;
  let agent: TestAgent;
  beforeEach(async () => {
    crushVersion = 3;
    fake = fakeTools();
    agent = await startTestAgent(fake.exec, {
      ceph: { confFile: '/etc/ceph/ceph.conf', keyringFile: '/etc/ceph/admin.keyring', user: 'admin' },
    });
  });
  afterEach(() => agent.close());

  it("GIVEN an rbd pool and an rbd image store WHEN the inventory is read THEN Ceph's pool table is listed once and serves both", async () => {
    const res = await agent.request('GET', '/v1/inventory');
    expect(res.status).toBe(200);
    const inv = res.body as { rbdPools: unknown[]; imageStores: unknown[] };
    expect(inv.rbdPools).toMatchObject([
      { name: 'ceph', address: 'nssv_storage_pool.ceph', cephPool: 'nssv.ceph', failureDomain: 'host' },
    ]);
    expect(inv.imageStores).toEqual([
      { name: 'gold', kind: 'rbd', address: 'nssv_image_storage.gold', path: 'rbd:nssv-images.gold' },
    ]);
    expect(fake.lines('osd dump')).toHaveLength(1);
    expect(fake.lines('osd crush rule dump')).toHaveLength(1);
  });

  it("GIVEN the CRUSH rules read once WHEN the inventory is read again THEN they are read again only after the map's crush_version moved", async () => {
    await agent.request('GET', '/v1/inventory');
    await agent.request('GET', '/v1/inventory');
    expect({ dumps: fake.lines('osd dump').length, rules: fake.lines('osd crush rule dump').length }).toEqual(
      {
        dumps: 2,
        rules: 1,
      },
    );

    crushVersion = 4;
    const res = await agent.request('GET', '/v1/inventory');
    expect((res.body as { rbdPools: unknown[] }).rbdPools).toMatchObject([
      { name: 'ceph', failureDomain: 'host' },
    ]);
    expect({ dumps: fake.lines('osd dump').length, rules: fake.lines('osd crush rule dump').length }).toEqual(
      {
        dumps: 3,
        rules: 2,
      },
    );
  });
});
