/**
 * Issue 11, HA, on a real three-host sandbox with Ceph: the agentd and libvirtd of the host that
 * runs an HA VM are killed (its QEMU keeps running, as after a management failure); the next
 * plan takes the host as failed, restarts the HA VM elsewhere (its old QEMU fenced off the rbd
 * image by a Ceph blocklist), keeps the non-HA VM pinned there as recorded, and the disk's bytes
 * are intact. When the host's daemons come back, the next apply destroys the copy it still has:
 * exactly one copy runs (virsh list on every host) and the plan after is empty.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { CEPH_TOOLS } from '../../sandbox/ceph/tools.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { run } from '../../sandbox/exec.js';
import { hostVirsh, sandboxUp, type SandboxHostInfo } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(900_000);

const NEEDS = {
  ...SANDBOX_WITH_AGENTS,
  tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), ...Object.keys(CEPH_TOOLS), 'qemu-io'],
};
const HOSTS = ['h1', 'h2', 'h3'] as const;
const outcome = (r: { code: number; stderr: string }) => ({
  code: r.code,
  errors: r.stderr.split('\n').filter((l) => /Error/.test(l)),
});

/** An rbd volume, the HA VM on it, and (once its host is known) a non-HA VM pinned beside it. */
const config = (power: string, plainOn?: string): string => `
resource "nssv_storage_pool" "ceph" {
  name       = "ceph"
  kind       = "rbd"
  cluster_id = nssv_cluster.sandbox.id
  replicas   = 2
}
resource "nssv_volume" "data" {
  name     = "data"
  pool_id  = nssv_storage_pool.ceph.id
  size_gib = 1
  format   = "raw"
}
resource "nssv_vm" "ha" {
  name        = "ha"
  cluster_id  = nssv_cluster.sandbox.id
  memory_mib  = 64
  ha_enabled  = true
  power_state = "${power}"
  disk { volume_id = nssv_volume.data.id }
}
${
  plainOn === undefined
    ? ''
    : `resource "nssv_vm" "plain" {
  name       = "plain"
  cluster_id = nssv_cluster.sandbox.id
  memory_mib = 64
  host_id    = nssv_host.${plainOn}.id
}
`
}`;

describeE2e(
  'HA restart of a VM whose host stopped answering, on a three-host sandbox with Ceph',
  NEEDS,
  () => {
    let env: E2eSandbox;
    const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
    const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
    const running = async (h: string): Promise<string[]> =>
      (await virsh(h, ['list', '--name'])).split('\n').filter(Boolean).sort();
    const defined = async (h: string): Promise<string[]> =>
      (await virsh(h, ['list', '--all', '--name'])).split('\n').filter(Boolean).sort();
    const ceph = (args: string[]) => {
      const c = env.sandbox.ceph!;
      return run('ip', ['netns', 'exec', c.netns, 'ceph', '-c', c.conf, ...args]);
    };
    const qemuIo = (cmd: string, readOnly: boolean) => {
      const c = env.sandbox.ceph!;
      const args = [
        ...(readOnly ? ['-r', '-U'] : []),
        '-f',
        'raw',
        '-c',
        cmd,
        `rbd:nssv.ceph/data:conf=${c.conf}`,
      ];
      return run('ip', ['netns', 'exec', c.netns, 'qemu-io', ...args]);
    };
    const alive = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const write = (main: string): void => writeFileSync(join(env.configDir, 'main.tf'), main);

    beforeAll(async () => {
      env = await startSandbox('ha', [], { hosts: 3, ceph: true });
    });
    afterAll(async () => {
      if (env) await nssv(['destroy', '-auto-approve'], env.configDir);
      await env?.down();
      if (env) for (const dir of [env.configDir, env.root]) rmSync(dir, { recursive: true, force: true });
    });

    test('the HA VM restarts elsewhere with its data and UUID; the returning host keeps no second copy', async () => {
      // The disk gets known bytes while the VM is shut off, then the VM runs.
      write(config('shutoff'));
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect((await qemuIo('write -P 0x6b 0 1M', false)).stdout).toContain('wrote 1048576/1048576 bytes');
      write(config('running'));
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      const lost = (await Promise.all(HOSTS.map(async (h) => ((await running(h)).includes('ha') ? h : ''))))
        .filter(Boolean)
        .join();
      expect(HOSTS).toContain(lost);
      write(config('running', lost));
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect(await running(lost)).toEqual(['ha', 'plain']);
      const uuid = await virsh(lost, ['domuuid', 'ha']);
      const pidFile = join(host(lost).dir, 'libvirt', 'run', 'qemu', 'ha.pid');
      const oldQemu = Number(readFileSync(pidFile, 'utf8').trim());
      expect(alive(oldQemu)).toBe(true);

      // The host's management dies: agentd and libvirtd (with its tini); the guests' QEMUs keep running.
      const pids = host(lost).pids.filter((p) => ['agentd', 'libvirtd', 'tini(libvirtd)'].includes(p.role));
      expect(pids.map((p) => p.role).sort()).toEqual(['agentd', 'libvirtd', 'tini(libvirtd)']);
      for (const p of pids) process.kill(p.pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 500));
      expect(alive(oldQemu)).toBe(true);

      const plan = await nssv(['plan'], env.configDir);
      expect(plan.code).toBe(0);
      expect(plan.stderr).toContain(
        `Warning: cannot reach the agent of host ${lost} at ${host(lost).endpoint}: connect ECONNREFUSED`,
      );
      expect(plan.stderr).toContain(`its cluster has HA VMs, so nssv treats host ${lost} as failed`);
      expect(plan.stderr).toContain(
        'HA VMs on it are restarted on other hosts of its cluster by the next apply (their old copies are fenced off their rbd disks first): nssv_vm.ha.',
      );
      expect(plan.stderr).toContain(
        'Left as recorded until the host answers again (not HA, or not movable): nssv_vm.plain.',
      );
      const moved = new RegExp(
        `# nssv_vm\\.ha will be migrated from ${lost} to (h[123]) \\(restart\\)\\n {2}# \\(${lost} does not answer: HA restarts the VM on another host \\(its old copy is fenced\\); host: h[123] \\(scatter: `,
      ).exec(plan.stdout);
      expect(moved).not.toBeNull();
      const target = moved![1]!;
      expect(target).not.toBe(lost);
      // Its rbd volume follows it: managed by the new host's agent from now on.
      expect(plan.stdout).toContain(`~ host_id = "${lost}" -> "${target}"`);
      expect(plan.stdout).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');

      const apply = await nssv(['apply', '-auto-approve'], env.configDir);
      expect(outcome(apply)).toEqual({ code: 0, errors: [] });
      expect(await running(target)).toEqual(['ha']);
      expect(await virsh(target, ['domuuid', 'ha'])).toBe(uuid);
      // The old QEMU still runs on the lost host, but Ceph refuses it: its client is blocklisted.
      const blocklist = await ceph(['osd', 'blocklist', 'ls']);
      expect(`${blocklist.stdout}${blocklist.stderr}`).toMatch(/listed [1-9]\d* entries/);
      expect((await qemuIo('read -P 0x6b 0 1M', true)).stdout).toContain(
        'read 1048576/1048576 bytes at offset 0',
      );
      // While the host stays lost, nothing more is planned.
      const still = await nssv(['plan', '-detailed-exitcode'], env.configDir);
      expect([still.code, still.stdout]).toEqual([
        0,
        'No changes. Your infrastructure matches the configuration.',
      ]);

      // The host's daemons come back; libvirtd still has the old copy (its QEMU may have died of the fencing).
      await sandboxUp({ root: env.root, hosts: 3 });
      expect(await defined(lost)).toEqual(['ha', 'plain']);
      expect(await running(lost)).toContain('plain');
      const back = await nssv(['plan'], env.configDir);
      expect(back.stderr).toBe('');
      expect(back.stdout).toContain(
        `  # nssv_vm.ha: its stale copy on ${lost} (domain "ha") will be destroyed\n  # (the VM runs on ${target}; ${lost} kept a copy from before an HA restart)`,
      );
      expect(back.stdout).toContain('Plan: 0 to add, 0 to change, 0 to destroy, 1 stale copy to remove.');
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      // Exactly one copy of each VM, on the host the state names.
      const where: Record<string, string[]> = {};
      for (const h of HOSTS) where[h] = await defined(h);
      expect(where).toEqual(
        Object.fromEntries(
          HOSTS.map((h) => [h, [...(h === target ? ['ha'] : []), ...(h === lost ? ['plain'] : [])].sort()]),
        ),
      );
      expect(await running(target)).toEqual(['ha']);
      expect(alive(oldQemu)).toBe(false);
      expect(existsSync(pidFile)).toBe(false);
      const again = await nssv(['plan', '-detailed-exitcode'], env.configDir);
      expect([again.code, again.stdout]).toEqual([
        0,
        'No changes. Your infrastructure matches the configuration.',
      ]);
    });
  },
);
