/**
 * rbd pools end to end on a real Ceph cluster: `sandbox up --ceph` with three hosts (one memstore
 * OSD under a CRUSH host bucket per host), a replicated and an erasure-coded pool applied through
 * the CLI and checked with the `ceph` CLI itself, out-of-band changes seen as drift and undone,
 * a pool the CRUSH map cannot hold refused with nothing left behind, destroy removing everything.
 */
import { existsSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { CEPH_TOOLS } from '../../sandbox/ceph/tools.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { sandboxCeph } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(600_000);

const NEEDS = {
  ...SANDBOX_WITH_AGENTS,
  tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), ...Object.keys(CEPH_TOOLS)],
};

describeE2e('rbd pools on a three-host sandbox with Ceph', NEEDS, () => {
  let env: E2eSandbox;
  let upMs = 0;
  const ceph = async (args: string[]): Promise<string> => (await sandboxCeph(env.sandbox, args)).stdout;
  const cephJson = async <T>(args: string[]): Promise<T> =>
    JSON.parse(await ceph([...args, '--format', 'json'])) as T;

  const POOLS = `
resource "nssv_storage_pool" "fast" {
  name         = "fast"
  kind         = "rbd"
  cluster_id   = nssv_cluster.sandbox.id
  replicas     = 2
  quota_gib    = 10
  recovery_qos = "fast"
}

resource "nssv_storage_pool" "bulk" {
  name       = "bulk"
  kind       = "rbd"
  cluster_id = nssv_cluster.sandbox.id
  erasure_code {
    k = 2
    m = 1
  }
  recovery_qos = "slow"
}
`;

  beforeAll(async () => {
    const t0 = Date.now();
    env = await startSandbox('rbdp', [], { hosts: 3, ceph: true });
    upMs = Date.now() - t0;
    writeFileSync(join(env.configDir, 'pools.tf'), POOLS);
  });

  afterAll(async () => {
    const pids = env?.sandbox.ceph?.pids ?? [];
    await env?.down();
    // GIVEN down THEN no Ceph daemon of the sandbox runs and its files are gone
    for (const p of pids)
      expect(existsSync(`/proc/${p.pid}`) ? `${p.role} ${p.pid} alive` : 'gone').toBe('gone');
    if (env) expect(existsSync(join(env.root, 'ceph'))).toBe(false);
  });

  test('sandbox up --ceph: a healthy cluster with one OSD per host bucket, conf and keyring under the root', async () => {
    process.stderr.write(`sandbox up --hosts 3 --ceph took ${(upMs / 1000).toFixed(1)}s\n`);
    expect(env.sandbox.ceph?.conf).toBe(join(env.root, 'ceph', 'ceph.conf'));
    expect(existsSync(join(env.root, 'ceph', 'ceph.client.admin.keyring'))).toBe(true);
    expect((await ceph(['health'])).trim()).toBe('HEALTH_OK');
    const tree = await cephJson<{ nodes: { name: string; type: string; children?: number[] }[] }>([
      'osd',
      'tree',
    ]);
    const hosts = tree.nodes.filter((n) => n.type === 'host').map((n) => `${n.name}:${n.children?.length}`);
    expect(hosts.sort()).toEqual(['h1:1', 'h2:1', 'h3:1']);
    // Every simulated host reaches the cluster from its own network namespace (as QEMU will).
    const viaH2 = await sandboxCeph(
      { root: env.root, ceph: { ...env.sandbox.ceph!, netns: env.sandbox.hosts[1]!.netns } },
      ['osd', 'stat'],
    );
    expect(viaH2.stdout).toMatch(/3 osds: 3 up/);
  });

  test('apply makes a replicated and an erasure-coded pool; Ceph reports what was asked; the next plan has no changes', async () => {
    const r = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Apply complete! Resources: 7 added, 0 changed, 0 destroyed\./);

    // Replicated: size, min_size, its own rule over hosts, quota, recovery priorities, rbd application.
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.fast', 'size'])).toMatchObject({ size: 2 });
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.fast', 'min_size'])).toMatchObject({ min_size: 1 });
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.fast', 'crush_rule'])).toMatchObject({
      crush_rule: 'nssv.fast',
    });
    const rule = await cephJson<{ steps: { op: string; type?: string }[] }>([
      'osd',
      'crush',
      'rule',
      'dump',
      'nssv.fast',
    ]);
    expect(rule.steps).toContainEqual({ op: 'chooseleaf_firstn', num: 0, type: 'host' });
    expect(await cephJson(['osd', 'pool', 'get-quota', 'nssv.fast'])).toMatchObject({
      quota_max_bytes: 10 * 1024 ** 3,
    });
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.fast', 'recovery_priority'])).toMatchObject({
      recovery_priority: 5,
    });
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.fast', 'recovery_op_priority'])).toMatchObject({
      recovery_op_priority: 10,
    });
    expect(await cephJson(['osd', 'pool', 'application', 'get', 'nssv.fast'])).toEqual({
      rbd: { 'nssv.address': 'nssv_storage_pool.fast', 'nssv.thin': 'true' },
    });

    // Erasure-coded: profile k=2 m=1 over hosts, data pool with overwrites, replicated metadata pool.
    expect(await cephJson(['osd', 'erasure-code-profile', 'get', 'nssv.bulk'])).toMatchObject({
      k: '2',
      m: '1',
      'crush-failure-domain': 'host',
    });
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.bulk.data', 'erasure_code_profile'])).toMatchObject({
      erasure_code_profile: 'nssv.bulk',
    });
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.bulk.data', 'allow_ec_overwrites'])).toMatchObject({
      allow_ec_overwrites: true,
    });
    const ecRule = await cephJson<{ steps: { op: string; type?: string }[] }>([
      'osd',
      'crush',
      'rule',
      'dump',
      'nssv.bulk.data',
    ]);
    expect(ecRule.steps).toContainEqual({ op: 'chooseleaf_indep', num: 0, type: 'host' });
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.bulk', 'size'])).toMatchObject({ size: 2 });
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.bulk.data', 'recovery_priority'])).toMatchObject({
      recovery_priority: -5,
    });

    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.stdout).toContain('No changes. Your infrastructure matches the configuration.');
    expect(plan.code).toBe(0);
  });

  test('changes made with the ceph CLI show as drift; apply puts them back in place', async () => {
    await ceph(['osd', 'pool', 'set', 'nssv.fast', 'size', '3']);
    await ceph(['osd', 'pool', 'set', 'nssv.bulk.data', 'recovery_priority', '2']);
    await ceph(['osd', 'pool', 'set-quota', 'nssv.fast', 'max_bytes', String(20 * 1024 ** 3)]);
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(
      [
        '  # nssv_storage_pool.bulk will be updated in-place',
        '  ~ resource "nssv_storage_pool" "bulk" {',
        '      ~ recovery_qos = "custom (recovery_priority 2, recovery_op_priority 1)" -> "slow"',
      ].join('\n'),
    );
    expect(plan.stdout).toContain(
      [
        '  # nssv_storage_pool.fast will be updated in-place',
        '  ~ resource "nssv_storage_pool" "fast" {',
        '      ~ quota_gib = 20 -> 10',
        '      ~ replicas  = 3 -> 2',
      ].join('\n'),
    );
    expect(plan.stdout).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');

    const r = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(r.code).toBe(0);
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.fast', 'size'])).toMatchObject({ size: 2 });
    expect(await cephJson(['osd', 'pool', 'get-quota', 'nssv.fast'])).toMatchObject({
      quota_max_bytes: 10 * 1024 ** 3,
    });
    expect(await cephJson(['osd', 'pool', 'get', 'nssv.bulk.data', 'recovery_priority'])).toMatchObject({
      recovery_priority: -5,
    });
    const again = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(again.code).toBe(0);
  });

  test('a CRUSH rule made with the ceph CLI after the agents read the rules is seen: the pool moved to it shows its failure domain as drift', async () => {
    await ceph(['osd', 'crush', 'rule', 'create-replicated', 'oob', 'default', 'osd']);
    await ceph(['osd', 'pool', 'set', 'nssv.fast', 'crush_rule', 'oob']);
    try {
      const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
      expect(plan.code).toBe(2);
      expect(plan.stdout).toContain('  # nssv_storage_pool.fast must be replaced');
      expect(plan.stdout).toContain('      ~ failure_domain = "osd" -> "host" # forces replacement');
    } finally {
      await ceph(['osd', 'pool', 'set', 'nssv.fast', 'crush_rule', 'nssv.fast']);
      await ceph(['osd', 'crush', 'rule', 'rm', 'oob']);
    }
    const again = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(again.stdout).toContain('No changes.');
    expect(again.code).toBe(0);
  });

  test('a pool the CRUSH map cannot hold is refused, naming what it needs and what there is; nothing is left behind', async () => {
    const file = join(env.configDir, 'wide.tf');
    writeFileSync(
      file,
      `resource "nssv_storage_pool" "wide" {
  name       = "wide"
  kind       = "rbd"
  cluster_id = nssv_cluster.sandbox.id
  replicas   = 4
}
`,
    );
    try {
      const r = await nssv(['apply', '-auto-approve'], env.configDir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'host h1: replicated ×4 with failure domain "host" needs 4 CRUSH buckets of type host holding OSDs; the cluster has 3 (h1, h2, h3): lower replicas or erasure_code, or add OSDs in more hosts',
      );
      const pools = await cephJson<string[]>(['osd', 'pool', 'ls']);
      expect(pools.filter((p) => p.startsWith('nssv.')).sort()).toEqual([
        'nssv.bulk',
        'nssv.bulk.data',
        'nssv.fast',
      ]);
    } finally {
      rmSync(file);
    }
  });

  test('destroy removes the Ceph pools, their CRUSH rules and the erasure-code profile', async () => {
    const r = await nssv(['destroy', '-auto-approve'], env.configDir);
    expect(r.code).toBe(0);
    const pools = await cephJson<string[]>(['osd', 'pool', 'ls']);
    expect(pools.filter((p) => p.startsWith('nssv.'))).toEqual([]);
    const rules = await cephJson<string[]>(['osd', 'crush', 'rule', 'ls']);
    expect(rules).toEqual(['replicated_rule']);
    const profiles = await cephJson<string[]>(['osd', 'erasure-code-profile', 'ls']);
    expect(profiles).toEqual(['default']);
  });
});
