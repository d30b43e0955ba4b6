/**
 * Importing an rbd volume on a two-host sandbox with Ceph: a volume nssv applied in an rbd pool
 * and then forgot (`nssv state rm`) is imported by name (every host reports the one RBD image),
 * its image untouched, and the replan is empty.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { CEPH_TOOLS } from '../../sandbox/ceph/tools.js';
import { run } from '../../sandbox/exec.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(900_000);

const NEEDS = {
  ...SANDBOX_WITH_AGENTS,
  tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), ...Object.keys(CEPH_TOOLS)],
};

const CONFIG = `
resource "nssv_storage_pool" "ceph" {
  name       = "ceph"
  kind       = "rbd"
  cluster_id = nssv_cluster.sandbox.id
  replicas   = 2
}
resource "nssv_volume" "data" {
  name     = "data"
  pool_id  = nssv_storage_pool.ceph.id
  host_id  = "h1"
  size_gib = 1
}
`;

describeE2e('importing an rbd volume, on a two-host sandbox with Ceph', NEEDS, () => {
  let env: E2eSandbox;
  const rbdInfo = async (): Promise<string> => {
    const c = env.sandbox.ceph!;
    return (await run('ip', ['netns', 'exec', c.netns, 'rbd', '-c', c.conf, 'info', 'nssv.ceph/data']))
      .stdout;
  };

  beforeAll(async () => {
    env = await startSandbox('i13rb', [], { ceph: true });
    writeFileSync(join(env.configDir, 'main.tf'), CONFIG);
    const applied = await nssv(['apply', '-auto-approve'], env.configDir);
    if (applied.code !== 0) throw new Error(applied.stderr);
  });

  afterAll(async () => {
    await env?.down();
    // the sandbox's root is left by down(): remove it (it holds this suite's files)
    if (env) rmSync(env.root, { recursive: true, force: true });
  });

  test('GIVEN an rbd volume the state forgot WHEN nssv import by name THEN it is taken unchanged and the replan is empty', async () => {
    const dir = env.configDir;
    const before = await rbdInfo();
    expect(before).toContain('rbd image');
    expect((await nssv(['state', 'rm', 'nssv_volume.data'], dir)).code).toBe(0);
    const imported = await nssv(['import', 'nssv_volume.data', 'data'], dir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const replan = await nssv(['plan', '-detailed-exitcode'], dir);
    expect(replan.stderr).toBe('');
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);
    expect(await rbdInfo()).toBe(before);
  });
});
