/**
 * Issue 11's moves that the planner's unit tests cover, end to end on a real three-host sandbox:
 * running VMs that a mandatory affinity group now wants together are joined by live migration
 * (same domain UUID, libvirt says "running (migrated)"); a host removed from the configuration is
 * drained first (its running VM migrates live to another host), then the host is forgotten, in
 * one apply; every replan is empty. The VMs have no disks: what moves is the running guest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
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

interface PlanDoc {
  changes: Array<{ address: string; action: string; migration?: unknown }>;
  steps: Array<{ id: string; after: string[] }>;
}

describeE2e(
  'scheduling moves on a three-host sandbox: affinity joins, a removed host is drained',
  SANDBOX_WITH_AGENTS,
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
          vm('b', `  host_id = nssv_host.h2.id\n${inPair}`),
      );
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect(await defined('h1')).toEqual(['a']);
      expect(await defined('h2')).toEqual(['b']);
      const uuid = await virsh('h2', ['domuuid', 'b']);

      write(pair('mandatory') + vm('a', inPair) + vm('b', inPair));
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
      expect(await empty()).toEqual(NO_CHANGES);
    });

    test('a host removed from the configuration is drained first: its running VM migrates live, then the host goes, in one apply', async () => {
      write(vm('x', '  host_id = nssv_host.h3.id\n'));
      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect(await defined('h3')).toEqual(['x']);
      const uuid = await virsh('h3', ['domuuid', 'x']);
      write(vm('x'));
      expect(await empty()).toEqual(NO_CHANGES);

      const withoutH3 = hostsTf.replace(/resource "nssv_host" "h3" \{[^}]*\}\n/, '');
      expect(withoutH3).not.toContain('"h3"');
      write(vm('x'), withoutH3);
      const plan = await nssv(['plan'], env.configDir);
      expect(plan.stderr).toBe('');
      expect(plan.stdout).toMatch(
        / {2}# nssv_vm\.x will be migrated from h3 to h[12] \(live\)\n {2}# \(h3 is removed from the configuration; host: h[12] \(/,
      );
      expect(plan.stdout).toContain('  # nssv_host.h3 will be destroyed');
      const doc = JSON.parse((await nssv(['plan', '--json'], env.configDir)).stdout) as PlanDoc;
      // The host's delete waits for the VM's migration (directly, or through the barrier of the
      // updates that stop referring to the host).
      const hostDelete = doc.steps.find((s) => s.id === 'nssv_host.h3#delete')!;
      expect(hostDelete.after).toEqual(
        expect.arrayContaining([expect.stringMatching(/^nssv_vm\.x#(update|released)$/)]),
      );

      expect(outcome(await nssv(['apply', '-auto-approve'], env.configDir))).toEqual({ code: 0, errors: [] });
      expect(await defined('h3')).toEqual([]);
      const to = (await defined('h1')).includes('x') ? 'h1' : 'h2';
      expect(await virsh(to, ['domuuid', 'x'])).toBe(uuid);
      expect(await virsh(to, ['domstate', '--reason', 'x'])).toBe('running (migrated)');
      expect(await empty()).toEqual(NO_CHANGES);
    });
  },
);
