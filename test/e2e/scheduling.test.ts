/**
 * Issue 11 on a real three-host sandbox with Ceph: the scheduler's policies place VMs where the
 * plan says (checked with virsh on every host), a mandatory rule that cannot be met is a plan
 * error naming each host's reason, a preferred one is relaxed and says so; then a VM on an rbd
 * disk moves instead of being replaced: cold while shut off, live while running (same domain
 * UUID, libvirt reports it "running (migrated)", the disk's bytes intact), and off a host put
 * in maintenance in one apply.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { CEPH_TOOLS } from '../../sandbox/ceph/tools.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { run } from '../../sandbox/exec.js';
import { hostNetnsExec, hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(900_000);

const NEEDS = {
  ...SANDBOX_WITH_AGENTS,
  tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), ...Object.keys(CEPH_TOOLS), 'qemu-io'],
};
const HOSTS = ['h1', 'h2', 'h3'] as const;
/** Exit code and the error lines (apply reports progress on stderr too), so a failure shows why. */
const outcome = (r: { code: number; stderr: string }) => ({
  code: r.code,
  errors: r.stderr.split('\n').filter((l) => /Error/.test(l)),
});

const vm = (name: string, extra = '', memoryMiB = 64): string => `
resource "nssv_vm" "${name}" {
  name       = "${name}"
  cluster_id = nssv_cluster.sandbox.id
  memory_mib = ${memoryMiB}
${extra}}
`;

/** Mandatory anti-affinity (a*), mandatory affinity (b*), host group h3 (c0), label rack=r2 (d0), six ungrouped (s*). */
const policies = (spreadMode: string, extraSpread = false): string => `
resource "nssv_host_group" "edge" {
  name       = "edge"
  cluster_id = nssv_cluster.sandbox.id
  host_ids   = [nssv_host.h3.id]
}
resource "nssv_scheduling_group" "spread" {
  name       = "spread"
  cluster_id = nssv_cluster.sandbox.id
  policy     = "vm-anti-affinity"
  mode       = "${spreadMode}"
}
resource "nssv_scheduling_group" "pair" {
  name       = "pair"
  cluster_id = nssv_cluster.sandbox.id
  policy     = "vm-affinity"
  mode       = "mandatory"
}
resource "nssv_scheduling_group" "on-edge" {
  name          = "on-edge"
  cluster_id    = nssv_cluster.sandbox.id
  policy        = "vm-host-affinity"
  mode          = "mandatory"
  host_group_id = nssv_host_group.edge.id
}
${['a0', 'a1', 'a2', ...(extraSpread ? ['a3'] : [])]
  .map((n) => vm(n, '  scheduling_group_id = nssv_scheduling_group.spread.id\n'))
  .join('')}
${['b0', 'b1'].map((n) => vm(n, '  scheduling_group_id = nssv_scheduling_group.pair.id\n')).join('')}
${vm('c0', '  scheduling_group_id = nssv_scheduling_group.on-edge.id\n')}
${vm('d0', '  host_labels = { rack = "r2" }\n')}
${['s0', 's1', 's2', 's3', 's4', 's5'].map((n) => vm(n)).join('')}
`;

/** An rbd volume and a VM on it, pinned to `host` (or not pinned), powered as asked. */
const mover = (host: string | undefined, power: string): string => `
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
${vm(
  'mover',
  `${host ? `  host_id     = nssv_host.${host}.id\n` : ''}  power_state = "${power}"\n  disk { volume_id = nssv_volume.data.id }\n`,
)}`;

describeE2e('scheduling policies and migration on a three-host sandbox with Ceph', NEEDS, () => {
  let env: E2eSandbox;
  let scratch: string;
  let hostsTf: string;
  const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
  const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
  const running = async (h: string): Promise<string[]> =>
    (await virsh(h, ['list', '--name'])).split('\n').filter(Boolean).sort();
  const defined = async (h: string): Promise<string[]> =>
    (await virsh(h, ['list', '--all', '--name'])).split('\n').filter(Boolean).sort();
  /** qemu-io on the rbd image, in the Ceph namespace (the image is shared storage, not a host's file). */
  const qemuIo = async (cmd: string, readOnly: boolean) => {
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
  const write = (main: string, hostExtras: Record<string, string> = {}): void => {
    // Two CPUs per sandbox host: four vCPUs per CPU lets each host take eight 1-vCPU VMs.
    let tf = hostsTf.replace(/cpu_overcommit_ratio( *)= [0-9.]+/, 'cpu_overcommit_ratio$1= 4');
    for (const [h, extra] of Object.entries(hostExtras)) {
      tf = tf.replace(`resource "nssv_host" "${h}" {\n`, `resource "nssv_host" "${h}" {\n${extra}\n`);
    }
    writeFileSync(join(env.configDir, 'sandbox.tf'), tf);
    writeFileSync(join(env.configDir, 'main.tf'), main);
    rmSync(join(env.configDir, 'terraform.tfvars'), { force: true });
  };
  const labels = { h2: '  labels = { rack = "r2" }' };

  beforeAll(async () => {
    env = await startSandbox('sched', [], { hosts: 3, ceph: true });
    hostsTf = readFileSync(join(env.configDir, 'sandbox.tf'), 'utf8');
    scratch = mkdtempSync(join(tmpdir(), 'nssv-sched-'));
  });
  afterAll(async () => {
    if (env) await nssv(['destroy', '-auto-approve'], env.configDir);
    await env?.down();
    for (const dir of [env?.configDir, scratch]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the four kinds of rule and scatter: each VM runs on the host the plan names, for the reason it gives', async () => {
    write(policies('mandatory'), labels);
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stderr).toBe('');
    // Placed in address order; the hosts report equal memory, so spread, then load, then the name decide.
    const expected: Record<string, string> = {
      a0: 'h1 (anti-affinity: spread)',
      a1: 'h2 (anti-affinity: spread)',
      a2: 'h3 (anti-affinity: spread)',
      b0: 'h1 (affinity: pair)',
      b1: 'h1 (affinity: pair)',
      c0: 'h3 (host-affinity: on-edge)',
      d0: 'h2 (scatter: 1 VMs of the cluster there, ',
      s0: 'h2 (scatter: 2 VMs of the cluster there, ',
      s1: 'h3 (scatter: 2 VMs of the cluster there, ',
      s2: 'h1 (scatter: 3 VMs of the cluster there, ',
      s3: 'h2 (scatter: 3 VMs of the cluster there, ',
      s4: 'h3 (scatter: 3 VMs of the cluster there, ',
      s5: 'h1 (scatter: 4 VMs of the cluster there, ',
    };
    const hostLine = (name: string): string | undefined =>
      new RegExp(`nssv_vm\\.${name} will be created\\n {2}# \\(host: ([^\\n]*)\\)\\n`).exec(plan.stdout)?.[1];
    for (const [name, want] of Object.entries(expected)) {
      expect([name, hostLine(name)?.slice(0, want.length)]).toEqual([name, want]);
    }
    expect(hostLine('d0')).toMatch(/; host_labels rack=r2\)$/);

    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(outcome(apply)).toEqual({ code: 0, errors: [] });
    // Where the domains really run, host by host.
    expect(await running('h1')).toEqual(['a0', 'b0', 'b1', 's2', 's5']);
    expect(await running('h2')).toEqual(['a1', 'd0', 's0', 's3']);
    expect(await running('h3')).toEqual(['a2', 'c0', 's1', 's4']);
    const again = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(again.stdout).toBe('No changes. Your infrastructure matches the configuration.');
  });

  test('a fourth VM of a mandatory anti-affinity group on three hosts is a plan error naming each host; preferred relaxes it and says so', async () => {
    write(policies('mandatory', true), labels);
    const failed = await nssv(['plan'], env.configDir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      'nssv_vm.a3 cannot be placed in cluster "sandbox" by mandatory anti-affinity: spread: h1: already runs nssv_vm.a0 of the group; h2: already runs nssv_vm.a1 of the group; h3: already runs nssv_vm.a2 of the group',
    );
    write(policies('preferred', true), labels);
    const relaxed = await nssv(['plan'], env.configDir);
    expect(relaxed.stderr).toBe('');
    expect(relaxed.stdout).toContain(
      'preferred anti-affinity: spread relaxed: no host keeps it (h1: already runs nssv_vm.a0 of the group; h2: already runs nssv_vm.a1 of the group; h3: already runs nssv_vm.a2 of the group)',
    );
  });

  test("the rest of the four policies × mandatory/preferred, with the seeds' failure cases: a full host breaks a mandatory rule, a preferred one is relaxed", async () => {
    // Memory each sandbox host reports (all the same machine); what the running VMs above leave free.
    const state = JSON.parse(readFileSync(join(env.configDir, 'nssv.tfstate'), 'utf8')) as {
      resources: Array<{ address: string; attributes: Record<string, unknown> }>;
    };
    const total = state.resources.find((r) => r.address === 'nssv_host.h1')!.attributes.memory_mib as number;
    // h1 runs five 64 MiB VMs (3 of 8 vCPUs free), h2 and h3 four (4 free).
    const [free1, free2] = [total - 5 * 64, total - 4 * 64];
    const big = (name: string, mib: number, extra: string) => vm(name, extra, mib);
    const filler = (name: string, on: string) => vm(name, `  host_id = nssv_host.${on}.id\n`);
    const offEdge = (mode: string) => `
resource "nssv_scheduling_group" "off-edge" {
  name          = "off-edge"
  cluster_id    = nssv_cluster.sandbox.id
  policy        = "vm-host-anti-affinity"
  mode          = "${mode}"
  host_group_id = nssv_host_group.edge.id
}
`;
    const plan = async (main: string) => {
      write(main, labels);
      return nssv(['plan'], env.configDir);
    };
    const hostLine = (out: string, name: string): string | undefined =>
      new RegExp(`nssv_vm\\.${name} will be created\\n {2}# \\(host: ([^\\n]*)\\)\\n`).exec(out)?.[1];
    const cap = (free: number, vcpus: number, need: number) =>
      `${free} MiB and ${vcpus} vCPUs free, needs ${need} MiB and 1 vCPUs`;
    const base = policies('mandatory');
    const preferred = (group: string) =>
      base.replace(new RegExp(`("${group}"[^}]*mode {2,}= )"mandatory"`), '$1"preferred"');

    // VMs together (pair runs on h1, which is too full for b2): mandatory fails, preferred goes elsewhere.
    const b2 = big('b2', free2, '  scheduling_group_id = nssv_scheduling_group.pair.id\n');
    const together = await plan(base + b2);
    expect(together.code).toBe(1);
    expect(together.stderr).toContain(
      `nssv_vm.b2 cannot be placed in cluster "sandbox" by mandatory affinity: pair: h1: ${cap(free1, 3, free2)}; h2: the group's VMs run on h1; h3: the group's VMs run on h1`,
    );
    const together2 = await plan(preferred('pair') + b2);
    expect(together2.stderr).toBe('');
    expect(hostLine(together2.stdout, 'b2')).toBe(
      `h2 (preferred affinity: pair relaxed: no host keeps it (h1: ${cap(free1, 3, free2)}; h2: the group's VMs run on h1; h3: the group's VMs run on h1))`,
    );

    // VMs on a host group (edge = h3, made full by a pinned VM): mandatory fails, preferred goes elsewhere.
    const c1 = big('c1', free2, '  scheduling_group_id = nssv_scheduling_group.on-edge.id\n');
    const onEdge = await plan(base + filler('f3', 'h3') + c1);
    expect(onEdge.code).toBe(1);
    expect(onEdge.stderr).toContain(
      `nssv_vm.c1 cannot be placed in cluster "sandbox" by mandatory host-affinity: on-edge: h1: not in host group edge; h2: not in host group edge; h3: ${cap(free2 - 64, 3, free2)}`,
    );
    const onEdge2 = await plan(preferred('on-edge') + filler('f3', 'h3') + c1);
    expect(onEdge2.stderr).toBe('');
    expect(hostLine(onEdge2.stdout, 'c1')).toBe(
      `h2 (preferred host-affinity: on-edge relaxed: no host keeps it (h1: ${cap(free1, 3, free2)}; h2: not in host group edge; h3: ${cap(free2 - 64, 3, free2)}))`,
    );

    // VMs away from a host group (edge = h3): kept when there is room; with h1 and h2 full,
    // mandatory fails and preferred takes h3.
    const e0 = vm('e0', '  scheduling_group_id = nssv_scheduling_group.off-edge.id\n');
    const away = await plan(base + offEdge('mandatory') + e0);
    expect(away.stderr).toBe('');
    expect(hostLine(away.stdout, 'e0')).toBe('h2 (host-anti-affinity: off-edge)');
    const e1 = big('e1', free2, '  scheduling_group_id = nssv_scheduling_group.off-edge.id\n');
    const awayFull = await plan(base + offEdge('mandatory') + filler('f2', 'h2') + e1);
    expect(awayFull.code).toBe(1);
    expect(awayFull.stderr).toContain(
      `nssv_vm.e1 cannot be placed in cluster "sandbox" by mandatory host-anti-affinity: off-edge: h1: ${cap(free1, 3, free2)}; h2: ${cap(free2 - 64, 3, free2)}; h3: in host group edge`,
    );
    const awayRelaxed = await plan(base + offEdge('preferred') + filler('f2', 'h2') + e1);
    expect(awayRelaxed.stderr).toBe('');
    expect(hostLine(awayRelaxed.stdout, 'e1')).toBe(
      `h3 (preferred host-anti-affinity: off-edge relaxed: no host keeps it (h1: ${cap(free1, 3, free2)}; h2: ${cap(free2 - 64, 3, free2)}; h3: in host group edge))`,
    );
  });

  test('a shut-off VM on an rbd disk whose host_id changes is migrated cold: defined on the new host only, same UUID', async () => {
    write(mover('h1', 'shutoff'));
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(outcome(apply)).toEqual({ code: 0, errors: [] });
    for (const h of HOSTS) expect([h, await running(h)]).toEqual([h, []]);
    const written = await qemuIo('write -P 0x5a 0 1M', false);
    expect(written.stdout).toContain('wrote 1048576/1048576 bytes at offset 0');
    const uuid = await virsh('h1', ['domuuid', 'mover']);

    write(mover('h2', 'shutoff'));
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain(
      '  # nssv_vm.mover will be migrated from h1 to h2 (cold)\n  # (host_id changed)',
    );
    // The rbd volume follows its VM in place: managed by h2's agent from now on.
    expect(plan.stdout).toContain('# nssv_volume.data will be updated in-place');
    expect(plan.stdout).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');
    expect(plan.stdout).not.toContain('forces replacement');
    const moved = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(outcome(moved)).toEqual({ code: 0, errors: [] });
    expect(await defined('h1')).toEqual([]);
    expect(await defined('h2')).toEqual(['mover']);
    expect(await virsh('h2', ['domuuid', 'mover'])).toBe(uuid);
    expect(await virsh('h2', ['domstate', 'mover'])).toBe('shut off');
  });

  test('a running VM whose host_id changes is migrated live: same UUID, never stopped, disk bytes intact, next plan empty', async () => {
    write(mover('h2', 'running'));
    const started = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(outcome(started)).toEqual({ code: 0, errors: [] });
    expect(await virsh('h2', ['domstate', '--reason', 'mover'])).toBe('running (booted)');
    const uuid = await virsh('h2', ['domuuid', 'mover']);

    write(mover('h3', 'running'));
    const plan = await nssv(['plan', '--json'], env.configDir);
    const change = (JSON.parse(plan.stdout) as { changes: Array<Record<string, unknown>> }).changes.find(
      (c) => c.address === 'nssv_vm.mover',
    );
    expect(change).toMatchObject({ action: 'migrate', migration: { from: 'h2', to: 'h3', mode: 'live' } });
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(outcome(apply)).toEqual({ code: 0, errors: [] });
    expect(await defined('h2')).toEqual([]);
    expect(await virsh('h3', ['domuuid', 'mover'])).toBe(uuid);
    // libvirt's reason: the guest was resumed after an incoming migration, not started.
    expect(await virsh('h3', ['domstate', '--reason', 'mover'])).toBe('running (migrated)');
    const read = await qemuIo('read -P 0x5a 0 1M', true);
    expect(read.stdout).toContain('read 1048576/1048576 bytes at offset 0');
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });

  test('a live migration libvirt cannot complete fails the apply and leaves the VM running on its host, where the state still puts it', async () => {
    const uuid = await virsh('h3', ['domuuid', 'mover']);
    // h1 refuses QEMU's incoming migration stream (libvirt's ports 49152-49215): the copy cannot start.
    const nft = (args: string[]) => hostNetnsExec(host('h1'), ['nft', ...args]);
    await nft(['add', 'table', 'inet', 'nssvtest']);
    await nft(['add', 'chain', 'inet', 'nssvtest', 'in', '{ type filter hook input priority 0 ; }']);
    await nft([
      'add',
      'rule',
      'inet',
      'nssvtest',
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
      write(mover('h1', 'running'));
      const failed = await nssv(['apply', '-auto-approve'], env.configDir);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('migrate domain mover to qemu:///system?socket=');
      expect(await running('h3')).toEqual(['mover']);
      expect(await virsh('h3', ['domuuid', 'mover'])).toBe(uuid);
      expect(await defined('h1')).toEqual([]);
      const plan = await nssv(['plan'], env.configDir);
      expect(plan.stdout).toContain('  # nssv_vm.mover will be migrated from h3 to h1 (live)');
    } finally {
      await nft(['delete', 'table', 'inet', 'nssvtest']);
    }
    write(mover('h3', 'running'));
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });

  test('a host put in maintenance is drained in one apply: its unpinned running VM moves live elsewhere', async () => {
    write(mover(undefined, 'running'));
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
    const uuid = await virsh('h3', ['domuuid', 'mover']);
    write(mover(undefined, 'running'));
    // As a user drains a sandbox host: sandbox.tf's variable, set in terraform.tfvars.
    writeFileSync(join(env.configDir, 'terraform.tfvars'), 'sandbox_maintenance = ["h3"]\n');
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stdout).toContain(
      '  # nssv_vm.mover will be migrated from h3 to h1 (live)\n  # (h3 is in maintenance; host: h1 (scatter: 0 VMs of the cluster there,',
    );
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(outcome(apply)).toEqual({ code: 0, errors: [] });
    expect(await defined('h3')).toEqual([]);
    expect(await running('h1')).toEqual(['mover']);
    expect(await virsh('h1', ['domuuid', 'mover'])).toBe(uuid);
    expect(await virsh('h1', ['domstate', '--reason', 'mover'])).toBe('running (migrated)');
    const read = await qemuIo('read -P 0x5a 0 1M', true);
    expect(read.stdout).toContain('read 1048576/1048576 bytes at offset 0');
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });
});
