/**
 * Issue 11: a running VM whose disk is a file in a dir pool (local qcow2) moves live with its
 * disk (`virsh migrate --live --copy-storage-all` into a volume precreated on the new host), on a
 * host_id change and off a host put in maintenance: same domain UUID, libvirt reports it
 * "running (migrated)" (never restarted), the bytes written before are on the new host's file,
 * the old file is gone, and the next plan is empty. A copy that fails leaves the VM running where
 * it was and removes the twin made on the target. A linked clone of the sandbox guest image
 * moves by copying only its top layer (`--copy-storage-inc`): on the new host it is backed by that
 * host's copy of the image. A shut-off VM's local disk is not copied: a plan error says so.
 */
import { existsSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { run } from '../../sandbox/exec.js';
import { hostNetnsExec, hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(900_000);

const NEEDS = { ...SANDBOX_WITH_AGENTS, tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), 'qemu-io'] };
const outcome = (r: { code: number; stderr: string }) => ({
  code: r.code,
  errors: r.stderr.split('\n').filter((l) => /Error/.test(l)),
});

/** A dir pool on every host, a 1 GiB qcow2 volume in it, and a VM on that volume. */
const config = (host: string | undefined, power: string): string => `
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}
resource "nssv_volume" "data" {
  name     = "data"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
  format   = "qcow2"
}
resource "nssv_vm" "mover" {
  name        = "mover"
  cluster_id  = nssv_cluster.sandbox.id
  memory_mib  = 64
${host ? `  host_id     = nssv_host.${host}.id\n` : ''}  power_state = "${power}"
  disk { volume_id = nssv_volume.data.id }
}
`;

describeE2e('live migration of a VM on a dir pool, copying its disk', NEEDS, () => {
  let env: E2eSandbox;
  let hostsTf: string;
  const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
  const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
  const defined = async (h: string): Promise<string[]> =>
    (await virsh(h, ['list', '--all', '--name'])).split('\n').filter(Boolean).sort();
  const file = (h: string) => join(host(h).storageRoot, 'local', 'data.qcow2');
  /** qemu-io on the volume's file on host `h` (-U: the running guest holds its lock). */
  const qemuIo = (h: string, cmd: string, readOnly: boolean) =>
    run('qemu-io', [...(readOnly ? ['-r', '-U'] : []), '-f', 'qcow2', '-c', cmd, file(h)], { reject: false });
  const write = (main: string, hostExtras: Record<string, string> = {}): void => {
    let tf = hostsTf;
    for (const [h, extra] of Object.entries(hostExtras)) {
      tf = tf.replace(`resource "nssv_host" "${h}" {\n`, `resource "nssv_host" "${h}" {\n${extra}\n`);
    }
    writeFileSync(join(env.configDir, 'sandbox.tf'), tf);
    writeFileSync(join(env.configDir, 'main.tf'), main);
    rmSync(join(env.configDir, 'terraform.tfvars'), { force: true });
  };

  beforeAll(async () => {
    env = await startSandbox('cpst', [], { hosts: 2, guestImage: true });
    hostsTf = readFileSync(join(env.configDir, 'sandbox.tf'), 'utf8');
  });
  afterAll(async () => {
    if (env) await nssv(['destroy', '-auto-approve'], env.configDir);
    await env?.down();
    if (env) rmSync(env.root, { recursive: true, force: true });
  });

  test('a running VM whose host_id changes moves live with its disk: same UUID, never restarted, bytes intact, old file gone', async () => {
    write(config('h1', 'shutoff'));
    expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
    const written = await qemuIo('h1', 'write -P 0x5a 0 1M', false);
    expect(written.stdout).toContain('wrote 1048576/1048576 bytes at offset 0');

    // Shut off, its local disk cannot move: libvirt copies storage only during a live migration.
    write(config('h2', 'shutoff'));
    const cold = await nssv(['plan'], env.configDir);
    expect(cold.code).toBe(1);
    expect(cold.stderr).toContain(
      'nssv_vm.mover is shut off and would move from "h1" to "h2", but its disk nssv_volume.data is in a dir pool on "h1"',
    );

    write(config('h1', 'running'));
    expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
    expect(await virsh('h1', ['domstate', '--reason', 'mover'])).toBe('running (booted)');
    const uuid = await virsh('h1', ['domuuid', 'mover']);

    write(config('h2', 'running'));
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain(
      '  # nssv_vm.mover will be migrated from h1 to h2 (live, copy storage: 1073741824 bytes of nssv_volume.data)\n  # (host_id changed)',
    );
    expect(plan.stdout).toContain(
      '  # nssv_volume.data will be updated in-place\n  # (moves to h2 with nssv_vm.mover: its live migration copies the disk)',
    );
    expect(plan.stdout).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');
    const json = JSON.parse((await nssv(['plan', '--json'], env.configDir)).stdout) as {
      changes: Array<Record<string, unknown>>;
    };
    expect(json.changes.find((c) => c.address === 'nssv_vm.mover')).toMatchObject({
      action: 'migrate',
      migration: {
        from: 'h1',
        to: 'h2',
        mode: 'live',
        copyStorage: { volumes: ['nssv_volume.data'], bytes: 1073741824 },
      },
    });

    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(outcome(apply)).toEqual({ code: 0, errors: [] });
    expect(await defined('h1')).toEqual([]);
    expect(await virsh('h2', ['domuuid', 'mover'])).toBe(uuid);
    // libvirt's reason: resumed after an incoming migration, not started again.
    expect(await virsh('h2', ['domstate', '--reason', 'mover'])).toBe('running (migrated)');
    expect(existsSync(file('h1'))).toBe(false);
    // Both the running domain and its persistent definition use the new host's file.
    for (const inactive of [[], ['--inactive']]) {
      expect(await virsh('h2', ['domblklist', ...inactive, 'mover'])).toMatch(
        new RegExp(`\\bvda +${file('h2')}$`),
      );
    }
    const read = await qemuIo('h2', 'read -P 0x5a 0 1M', true);
    expect(read.stdout).toContain('read 1048576/1048576 bytes at offset 0');
    const again = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect([again.code, again.stdout]).toEqual([
      0,
      'No changes. Your infrastructure matches the configuration.',
    ]);
  });

  test('a copy libvirt cannot complete fails the apply: the VM runs on with its disk where it was, the twin made on the target is removed', async () => {
    const uuid = await virsh('h2', ['domuuid', 'mover']);
    // h1 refuses QEMU's incoming streams (libvirt's ports 49152-49215: memory and the NBD disk copy).
    const nft = (args: string[]) => hostNetnsExec(host('h1'), ['nft', ...args]);
    await nft(['add', 'table', 'inet', 'nssvcopy']);
    await nft(['add', 'chain', 'inet', 'nssvcopy', 'in', '{ type filter hook input priority 0 ; }']);
    await nft([
      'add',
      'rule',
      'inet',
      'nssvcopy',
      'in',
      'tcp',
      'dport',
      '49152-49215',
      'reject',
      'with',
      'tcp',
      'reset',
    ]);
    try {
      write(config('h1', 'running'));
      const failed = await nssv(['apply', '-auto-approve'], env.configDir);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('migrate domain mover to qemu:///system?socket=');
      expect(await virsh('h2', ['domstate', 'mover'])).toBe('running');
      expect(await virsh('h2', ['domuuid', 'mover'])).toBe(uuid);
      expect(await defined('h1')).toEqual([]);
      expect(existsSync(file('h1'))).toBe(false);
      const read = await qemuIo('h2', 'read -P 0x5a 0 1M', true);
      expect(read.stdout).toContain('read 1048576/1048576 bytes at offset 0');
    } finally {
      await nft(['delete', 'table', 'inet', 'nssvcopy']);
    }
    write(config('h2', 'running'));
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });

  test('a host put in maintenance is drained: its running VM on a dir-pool disk moves live with the disk', async () => {
    write(config(undefined, 'running'));
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
    const uuid = await virsh('h2', ['domuuid', 'mover']);
    write(config(undefined, 'running'));
    // As a user drains a sandbox host: sandbox.tf's variable, set in terraform.tfvars.
    writeFileSync(join(env.configDir, 'terraform.tfvars'), 'sandbox_maintenance = ["h2"]\n');
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain(
      '  # nssv_vm.mover will be migrated from h2 to h1 (live, copy storage: 1073741824 bytes of nssv_volume.data)\n  # (h2 is in maintenance; host: h1 (',
    );
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(outcome(apply)).toEqual({ code: 0, errors: [] });
    expect(await defined('h2')).toEqual([]);
    expect(await virsh('h1', ['domuuid', 'mover'])).toBe(uuid);
    expect(await virsh('h1', ['domstate', '--reason', 'mover'])).toBe('running (migrated)');
    expect(existsSync(file('h2'))).toBe(false);
    const read = await qemuIo('h1', 'read -P 0x5a 0 1M', true);
    expect(read.stdout).toContain('read 1048576/1048576 bytes at offset 0');
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });

  test("a running VM on a linked clone of an image moves copying only the top layer: backed by the new host's image, bytes intact", async () => {
    const clone = (h: string) => `
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}
resource "nssv_volume" "root" {
  name            = "root"
  pool_id         = nssv_storage_pool.local.id
  size_gib        = 1
  format          = "qcow2"
  source_image_id = nssv_image.sandbox.id
  clone_mode      = "linked"
}
resource "nssv_vm" "cloned" {
  name        = "cloned"
  cluster_id  = nssv_cluster.sandbox.id
  memory_mib  = 64
  host_id     = nssv_host.${h}.id
  power_state = "running"
  disk { volume_id = nssv_volume.root.id }
}
`;
    const rootFile = (h: string) => join(host(h).storageRoot, 'local', 'root.qcow2');
    const info = async (h: string) =>
      JSON.parse((await run('qemu-img', ['info', '-U', '--output=json', rootFile(h)])).stdout) as {
        'backing-filename'?: string;
        'actual-size': number;
      };
    write(clone('h1').replace('power_state = "running"', 'power_state = "shutoff"'));
    expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
    // Past the image's 696 MiB: a region only the overlay holds.
    const written = await run('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0x3c 900M 1M', rootFile('h1')]);
    expect(written.stdout).toContain('wrote 1048576/1048576 bytes at offset 943718400');
    const imageOnH1 = (await info('h1'))['backing-filename']!;
    expect(imageOnH1.startsWith(host('h1').dir)).toBe(true);
    write(clone('h1'));
    expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
    const uuid = await virsh('h1', ['domuuid', 'cloned']);

    write(clone('h2'));
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stdout).toContain(
      '  # nssv_vm.cloned will be migrated from h1 to h2 (live, copy storage: 1073741824 bytes of nssv_volume.root)',
    );
    expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
    expect(await virsh('h2', ['domuuid', 'cloned'])).toBe(uuid);
    expect(await virsh('h2', ['domstate', '--reason', 'cloned'])).toBe('running (migrated)');
    expect(existsSync(rootFile('h1'))).toBe(false);
    const moved = await info('h2');
    // Backed by h2's own copy of the image, and far smaller than it: only the top layer crossed.
    expect(moved['backing-filename']!.startsWith(host('h2').dir)).toBe(true);
    expect(moved['backing-filename']!.replace(host('h2').dir, '')).toBe(
      imageOnH1.replace(host('h1').dir, ''),
    );
    expect(moved['actual-size']).toBeLessThan(64 * 1024 * 1024);
    const read = await run('qemu-io', [
      '-r',
      '-U',
      '-f',
      'qcow2',
      '-c',
      'read -P 0x3c 900M 1M',
      rootFile('h2'),
    ]);
    expect(read.stdout).toContain('read 1048576/1048576 bytes at offset 943718400');
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });
});
