/**
 * A VM's delete_policy = "delayed" end to end on real libvirt: deleting the VM keeps its domain
 * definition (UUID, nssv metadata) and cloud-init seed in the host's trash; an apply that deletes
 * it and then fails brings it back from there with the same UUID, running again; `nssv trash
 * list` shows deleted VMs, `nssv trash restore` defines one again (same UUID, seed back) and
 * `nssv trash purge` drops one for good.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { hostVirsh } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(600_000);

interface Entry {
  id: string;
  domain?: string;
  address: string;
  hosts: string[];
}

describeE2e('a VM deleted with delete_policy = "delayed"', SANDBOX_WITH_AGENTS, () => {
  let env: E2eSandbox;
  const h1 = () => env.sandbox.hosts[0]!;
  const virsh = async (args: string[]) => (await hostVirsh(h1(), args)).stdout.trim();
  const seed = (vm: string) => join(h1().dir, 'agentd', 'seeds', `${vm}.iso`);
  const base = `
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}

resource "nssv_volume" "raw" {
  name     = "raw"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
  format   = "raw"
  host_id  = "h1"
}
`;
  const vm = (name: string) => `
resource "nssv_vm" "${name}" {
  name          = "${name}"
  cluster_id    = nssv_cluster.sandbox.id
  vcpus         = 1
  memory_mib    = 64
  delete_policy = "delayed"
  user_data     = "#cloud-config\\n"
}
`;
  const write = (...parts: string[]) =>
    writeFileSync(join(env.configDir, 'main.tf'), [base, ...parts].join(''));
  const apply = (extra: string[] = []) => nssv(['apply', '-auto-approve', ...extra], env.configDir);
  const trash = async (): Promise<Entry[]> =>
    JSON.parse((await nssv(['trash', 'list', '--json'], env.configDir)).stdout) as Entry[];
  const uuids: Record<string, string> = {};

  beforeAll(async () => {
    env = await startSandbox('vmtr', [], { hosts: 1 });
  });

  afterAll(async () => {
    if (env) {
      await nssv(['destroy', '-auto-approve'], env.configDir);
      // The restored VM is outside the state (for an import block to adopt): undefine it here.
      await hostVirsh(h1(), ['destroy', 'app'], { reject: false });
      await hostVirsh(h1(), ['undefine', 'app'], { reject: false });
    }
    await env?.down();
  });

  test('GIVEN two VMs with delete_policy = "delayed" WHEN applied THEN both run and the replan is empty', async () => {
    write(vm('app'), vm('other'));
    const r = await apply();
    expect(r.code).toBe(0);
    for (const name of ['app', 'other']) {
      expect(await virsh(['domstate', name])).toBe('running');
      uuids[name] = await virsh(['domuuid', name]);
      expect(existsSync(seed(name))).toBe(true);
    }
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.code).toBe(0);
  });

  test('GIVEN an apply that deletes a VM and then fails WHEN it rolls back THEN the VM is back from the trash, same UUID, running; the trash is empty', async () => {
    // A snapshot of a raw dir volume fails at apply time, after the delete (-parallelism=1 runs the steps in order).
    write(
      vm('other'),
      `resource "nssv_volume_snapshot" "bad" {
  name      = "bad"
  volume_id = nssv_volume.raw.id
}
`,
    );
    const r = await apply(['-parallelism=1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'volume "raw" in pool "local" is raw: snapshots in a dir pool are qcow2 layers; recreate the volume with format = "qcow2"',
    );
    expect(r.stderr).toMatch(
      /nssv_vm\.app: restored from the trash \(domain\.[0-9a-f]{12}\), same domain UUID/,
    );
    expect(await virsh(['domuuid', 'app'])).toBe(uuids.app);
    expect(await virsh(['domstate', 'app'])).toBe('running');
    expect(await trash()).toEqual([]);
    write(vm('app'), vm('other'));
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.code).toBe(0);
  });

  test('GIVEN both VMs deleted WHEN the trash is listed, one restored and one purged THEN the restored one is defined again with its UUID and seed, the purged one is gone', async () => {
    write();
    const r = await apply();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 2 destroyed.');
    expect(await virsh(['list', '--all', '--name'])).toBe('');
    expect(existsSync(seed('app'))).toBe(false);

    const entries = await trash();
    expect(entries.map((e) => [e.domain, e.address, e.hosts]).sort()).toEqual([
      ['app', 'nssv_vm.app', ['h1']],
      ['other', 'nssv_vm.other', ['h1']],
    ]);
    for (const e of entries) expect(e.id).toMatch(/^domain\.[0-9a-f]{12}$/);
    const text = await nssv(['trash', 'list'], env.configDir);
    expect(text.stdout).toMatch(/domain\.[0-9a-f]{12} {2}nssv_vm\.app {2}domain app on h1 {2}deleted /);

    const app = entries.find((e) => e.domain === 'app')!;
    const other = entries.find((e) => e.domain === 'other')!;
    expect((await nssv(['trash', 'restore', app.id], env.configDir)).code).toBe(0);
    expect(await virsh(['domuuid', 'app'])).toBe(uuids.app);
    expect(await virsh(['domstate', 'app'])).toBe('shut off');
    expect(existsSync(seed('app'))).toBe(true);
    expect((await nssv(['trash', 'purge', other.id], env.configDir)).code).toBe(0);
    expect(await trash()).toEqual([]);
    expect(await virsh(['list', '--all', '--name'])).toBe('app');
  });
});
