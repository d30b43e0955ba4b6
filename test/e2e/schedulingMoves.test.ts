/**
 * Issue 11's moves that the planner's unit tests cover, end to end on a real three-host sandbox:
 * running VMs that a mandatory affinity group now wants together are joined by live migration
 * (same domain UUID, libvirt says "running (migrated)"); a host removed from the configuration is
 * drained first (its running VM migrates live to another host, its dir-pool disk copied along:
 * bytes intact, the old file and the pool's directory gone), then the host is forgotten, in one
 * apply; a shut-off VM's local disk cannot leave that way (a plan error); a host swapped for a new
 * one moves its VM there, the pool put on the new host first and taken off the old one last, in one
 * apply; every replan is empty.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { run } from '../../sandbox/exec.js';
import { hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(900_000);

const outcome = (r: { code: number; stderr: string }) => ({
  code: r.code,
  errors: r.stderr.split('\n').filter((l) => /Error/.test(l)),
});

const vm = (name: string, extra = ''): string => `
resource "nssv_vm" "${name}" {
  name        = "${name}"
  cluster_id  = nssv_cluster.sandbox.id
  memory_mib  = 64
  power_state = "running"
${extra}}
`;
const pair = (mode: string) => `
resource "nssv_scheduling_group" "pair" {
  name       = "pair"
  cluster_id = nssv_cluster.sandbox.id
  policy     = "vm-affinity"
  mode       = "${mode}"
}
`;
const inPair = '  scheduling_group_id = nssv_scheduling_group.pair.id\n';
/** A cloud-init seed (a CD-ROM file of the VM's host), which must move with the VM. */
const seeded = '  user_data = "#cloud-config\\nruncmd: [touch, /b]\\n"\n';
/** A VM on a 1 GiB qcow2 volume of a dir pool (a file on one host). */
const onDisk = (name: string, power: string, extra = ''): string => `
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
${vm(name, `  power_state = "${power}"\n  disk { volume_id = nssv_volume.data.id }\n${extra}`).replace('  power_state = "running"\n', '')}`;

interface PlanDoc {
  changes: Array<{ address: string; action: string; migration?: unknown }>;
  steps: Array<{ id: string; after: string[] }>;
}

describeE2e(
  'scheduling moves on a three-host sandbox: affinity joins, a removed host is drained',
  { ...SANDBOX_WITH_AGENTS, tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), 'qemu-io'] },
  () => {
    let env: E2eSandbox;
    let hostsTf: string;
    const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
    const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
    const defined = async (h: string): Promise<string[]> =>
      (await virsh(h, ['list', '--all', '--name'])).split('\n').filter(Boolean).sort();
    const write = (main: string, tf = hostsTf): void => {
      writeFileSync(join(env.configDir, 'sandbox.tf'), tf);
      writeFileSync(join(env.configDir, 'main.tf'), main);
    };
    const empty = async () => {
      const r = await nssv(['plan', '-detailed-exitcode'], env.configDir);
      return [r.code, r.stdout];
    };
    const NO_CHANGES = [0, 'No changes. Your infrastructure matches the configuration.'];

    beforeAll(async () => {
      env = await startSandbox('smov', [], { hosts: 3 });
      hostsTf = readFileSync(join(env.configDir, 'sandbox.tf'), 'utf8');
    });
    afterAll(async () => {
      if (env) await nssv(['destroy', '-auto-approve'], env.configDir);
      await env?.down();
    });

    test('running VMs of a group that becomes mandatory affinity: the one away joins the first by live migration', async () => {
      write(
        pair('preferred') +
          vm('a', `  host_id = nssv_host.h1.id\n${inPair}`) +
          vm('b', `  host_id = nssv_host.h2.id\n${inPair}${seeded}`),
      );
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect(await defined('h1')).toEqual(['a']);
      expect(await defined('h2')).toEqual(['b']);
      const uuid = await virsh('h2', ['domuuid', 'b']);

      const seedOf = (h: string) => join(host(h).dir, 'agentd', 'seeds', 'b.iso');
      expect(existsSync(seedOf('h2'))).toBe(true);

      write(pair('mandatory') + vm('a', inPair) + vm('b', inPair + seeded));
      const plan = await nssv(['plan'], env.configDir);
      expect(plan.stderr).toBe('');
      expect(plan.stdout).toContain(
        '  # nssv_vm.b will be migrated from h2 to h1 (live)\n  # (h2 breaks mandatory affinity: pair: nssv_vm.a of the group runs on h1; host: h1 (affinity: pair))',
      );
      expect(plan.stdout).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect(await defined('h1')).toEqual(['a', 'b']);
      expect(await defined('h2')).toEqual([]);
      expect(await virsh('h1', ['domuuid', 'b'])).toBe(uuid);
      expect(await virsh('h1', ['domstate', '--reason', 'b'])).toBe('running (migrated)');
      // Its cloud-init seed moved with it: h1's agent wrote the same one, the CD-ROM names it
      // (running and defined), and h2's copy is gone.
      for (const flags of [[], ['--inactive']]) {
        const xml = await virsh('h1', ['dumpxml', ...flags, 'b']);
        expect(xml).toContain(`<source file='${seedOf('h1')}'`);
        expect(xml).not.toContain(host('h2').dir);
      }
      expect(existsSync(seedOf('h1'))).toBe(true);
      expect(existsSync(seedOf('h2'))).toBe(false);
      expect(await empty()).toEqual(NO_CHANGES);
    });

    test("a shut-off VM with a cloud-init seed moves cold: the definition on its new host names that host's seed and console log, and the old host keeps neither", async () => {
      const seedOf = (h: string) => join(host(h).dir, 'agentd', 'seeds', 'b.iso');
      const b = (on: string) =>
        vm('b', `  host_id = nssv_host.${on}.id\n${seeded}`).replace('"running"', '"shutoff"');
      write(pair('mandatory') + vm('a', inPair) + b('h1'));
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      write(pair('mandatory') + vm('a', inPair) + b('h3'));
      const plan = await nssv(['plan'], env.configDir);
      expect(plan.stdout).toContain('  # nssv_vm.b will be migrated from h1 to h3 (cold)');
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect(await defined('h3')).toEqual(['b']);
      const xml = await virsh('h3', ['dumpxml', '--inactive', 'b']);
      expect(xml).toContain(`<source file='${seedOf('h3')}'`);
      expect(xml).not.toContain(host('h1').dir);
      expect(existsSync(seedOf('h3'))).toBe(true);
      expect(existsSync(seedOf('h1'))).toBe(false);
      expect(await empty()).toEqual(NO_CHANGES);
    });

    test('a host removed from the configuration is drained first: its running VM migrates live copying its dir-pool disk, then the pool and the host go, in one apply', async () => {
      const withoutH3 = hostsTf.replace(/resource "nssv_host" "h3" \{[^}]*\}\n/, '');
      expect(withoutH3).not.toContain('resource "nssv_host" "h3"');
      expect(withoutH3).not.toContain('name       = "h3"');
      const file = (h: string) => join(host(h).storageRoot, 'local', 'data.qcow2');
      write(onDisk('x', 'shutoff', '  host_id = nssv_host.h3.id\n'));
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      const written = await run('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0x6b 0 1M', file('h3')]);
      expect(written.stdout).toContain('wrote 1048576/1048576 bytes at offset 0');

      // Shut off, its local disk cannot leave the host: libvirt copies storage only live.
      write(onDisk('x', 'shutoff'), withoutH3);
      const cold = await nssv(['plan'], env.configDir);
      expect(cold.code).toBe(1);
      expect(cold.stderr).toMatch(
        /nssv_vm\.x is shut off and would move from "h3" to "h[12]", but its disk nssv_volume\.data is in a dir pool on "h3"/,
      );

      write(onDisk('x', 'running', '  host_id = nssv_host.h3.id\n'));
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect(await defined('h3')).toEqual(['x']);
      const uuid = await virsh('h3', ['domuuid', 'x']);
      write(onDisk('x', 'running'));
      expect(await empty()).toEqual(NO_CHANGES);

      write(onDisk('x', 'running'), withoutH3);
      const plan = await nssv(['plan'], env.configDir);
      expect(plan.stderr).toBe('');
      expect(plan.stdout).toMatch(
        / {2}# nssv_vm\.x will be migrated from h3 to h[12] \(live, copy storage: 1073741824 bytes of nssv_volume\.data\)\n {2}# \(h3 is removed from the configuration; host: h[12] \(/,
      );
      expect(plan.stdout).toContain('  # nssv_host.h3 will be destroyed');
      const doc = JSON.parse((await nssv(['plan', '--json'], env.configDir)).stdout) as PlanDoc;
      // The host's delete waits for the VM's migration (directly, or through the barrier of the
      // updates that stop referring to the host); the pool leaves h3 after the disk has.
      const hostDelete = doc.steps.find((s) => s.id === 'nssv_host.h3#delete')!;
      expect(hostDelete.after).toEqual(
        expect.arrayContaining([expect.stringMatching(/^nssv_vm\.x#(update|released)$/)]),
      );
      expect(doc.steps.find((s) => s.id === 'nssv_storage_pool.local#update')!.after).toEqual([
        'nssv_vm.x#update',
        'nssv_volume.data#update',
      ]);

      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect(await defined('h3')).toEqual([]);
      const to = (await defined('h1')).includes('x') ? 'h1' : 'h2';
      expect(await virsh(to, ['domuuid', 'x'])).toBe(uuid);
      expect(await virsh(to, ['domstate', '--reason', 'x'])).toBe('running (migrated)');
      expect(existsSync(file('h3'))).toBe(false);
      expect(existsSync(join(host('h3').storageRoot, 'local'))).toBe(false);
      const read = await run('qemu-io', ['-r', '-U', '-f', 'qcow2', '-c', 'read -P 0x6b 0 1M', file(to)]);
      expect(read.stdout).toContain('read 1048576/1048576 bytes at offset 0');
      expect(await empty()).toEqual(NO_CHANGES);
    });

    test('a host swapped for a new one in one apply: the pool reaches the new host before the VM moves there with its disk, and leaves the old host after', async () => {
      // Where the drain above left things: x runs on h1 or h2, h3 is no longer declared.
      const from = (await defined('h1')).includes('x') ? 'h1' : 'h2';
      const file = (h: string) => join(host(h).storageRoot, 'local', 'data.qcow2');
      const uuid = await virsh(from, ['domuuid', 'x']);
      const swapped = hostsTf.replace(new RegExp(`resource "nssv_host" "${from}" \\{[^}]*\\}\\n`), '');
      expect(swapped).not.toContain(`resource "nssv_host" "${from}"`);

      write(onDisk('x', 'running', '  host_id = nssv_host.h3.id\n'), swapped);
      const plan = await nssv(['plan'], env.configDir);
      expect(plan.stderr).toBe('');
      expect(plan.stdout).toContain(
        `  # nssv_vm.x will be migrated from ${from} to h3 (live, copy storage: 1073741824 bytes of nssv_volume.data)`,
      );
      const doc = JSON.parse((await nssv(['plan', '--json'], env.configDir)).stdout) as PlanDoc;
      const waits = (id: string) => doc.steps.find((s) => s.id === id)?.after;
      // One update of the pool would put it on h3 and take it off the VM's host at once: it is
      // done in two steps, onto h3 before the move, off the old host once the VM and its disk left.
      expect(waits('nssv_vm.x#update')).toContain('nssv_storage_pool.local#reach');
      expect(waits('nssv_vm.x#update')).not.toContain('nssv_storage_pool.local#update');
      expect(waits('nssv_storage_pool.local#update')).toEqual(
        expect.arrayContaining([
          'nssv_storage_pool.local#reach',
          'nssv_vm.x#update',
          'nssv_volume.data#update',
        ]),
      );

      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect(await defined(from)).toEqual([]);
      expect(await defined('h3')).toEqual(['x']);
      expect(await virsh('h3', ['domuuid', 'x'])).toBe(uuid);
      expect(await virsh('h3', ['domstate', '--reason', 'x'])).toBe('running (migrated)');
      expect(existsSync(join(host(from).storageRoot, 'local'))).toBe(false);
      const read = await run('qemu-io', ['-r', '-U', '-f', 'qcow2', '-c', 'read -P 0x6b 0 1M', file('h3')]);
      expect(read.stdout).toContain('read 1048576/1048576 bytes at offset 0');
      expect(await empty()).toEqual(NO_CHANGES);
    });
  },
);
