/**
 * The walking skeleton end to end, on real daemons: a two-host sandbox (libvirtd, Open vSwitch,
 * agentd per host), examples/quickstart applied through the CLI, then in-place update, removal,
 * an injected step failure rolled back, and destroy — checked with virsh, ovs-vsctl and the pool
 * directory, not with nssv's own view.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import { applyPlan } from '../../engine/walk/applyPlan.js';
import type { StepRunner } from '../../engine/types.js';
import { AgentClient } from '../../provider/agent/client.js';
import { agentFetch } from '../helpers/agentFetch.js';
import { handlerRunner } from '../../engine/steps/handlerRunner.js';
import { preparePlan as planOperation } from '../../engine/plan/preparePlan.js';
import { LocalStateStore } from '../../provider/state/localState.js';
import { hostOvsVsctl, hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import type { Inventory } from '../../schemas/generated/agentApi.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { nssv, repo, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(300_000);

let env: E2eSandbox;
const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
const vsctl = async (h: string, args: string[]) => (await hostOvsVsctl(host(h), args)).stdout.trim();

async function domains(h: string): Promise<string[]> {
  return (await virsh(h, ['list', '--all', '--name'])).split('\n').filter(Boolean).sort();
}
async function whereIs(vm: string): Promise<string> {
  for (const h of ['h1', 'h2']) if ((await domains(h)).includes(vm)) return h;
  throw new Error(`${vm} is on no host`);
}
function poolFiles(h: string): string[] {
  try {
    return readdirSync(join(host(h).storageRoot, 'local'))
      .filter((f) => !f.startsWith('.'))
      .sort();
  } catch {
    return [];
  }
}
/** Inventory without the numbers that move on their own (free space). */
async function inventories(): Promise<Record<string, Omit<Inventory, 'pools'> & { pools: string[] }>> {
  const out: Record<string, Omit<Inventory, 'pools'> & { pools: string[] }> = {};
  for (const h of env.sandbox.hosts) {
    const inv = await new AgentClient({
      host: h.name,
      endpoint: h.endpoint!,
      token: h.token,
      tlsDir: h.tlsDir,
    }).inventory();
    out[h.name] = { ...inv, pools: inv.pools.map((p) => p.name).sort() };
  }
  return out;
}
const main = () => join(env.configDir, 'main.tf');
/** One more VM with its own volume, as an extra .tf file would declare it. */
const extraVm = (name: string): string => `
resource "nssv_volume" "${name}_root" {
  name     = "${name}-root"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
}
resource "nssv_vm" "${name}" {
  name       = "${name}"
  cluster_id = nssv_cluster.sandbox.id
  memory_mib = 128
  disk { volume_id = nssv_volume.${name}_root.id }
  nic { port_group_id = nssv_port_group.web.id }
}
`;

describeE2e('the quick start on a two-host sandbox', SANDBOX_WITH_AGENTS, () => {
  beforeAll(async () => {
    env = await startSandbox('qs', ['examples/quickstart/main.tf'], { guestImage: true });
  });
  afterAll(async () => {
    await env?.down();
  });

  test('GIVEN the quick start WHEN applied THEN two guests run with qcow2 disks and VLAN-tagged OVS ports, and the next plan is empty', async () => {
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(apply.stderr).not.toMatch(/Error/);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete! Resources: 13 added, 0 changed, 0 destroyed.');

    for (const vm of ['web1', 'web2']) {
      const h = await whereIs(vm);
      expect(await virsh(h, ['domstate', vm])).toBe('running');
      const disk = join(host(h).storageRoot, 'local', `${vm}-root.qcow2`);
      const info = JSON.parse((await execa('qemu-img', ['info', '-U', '--output=json', disk])).stdout);
      expect(info.format).toBe('qcow2');
      const ifaces = (await virsh(h, ['domiflist', vm])).split('\n').slice(2);
      const tap = ifaces[0]!.trim().split(/\s+/)[0]!;
      expect(await vsctl(h, ['port-to-br', tap])).toBe('lan');
      expect(await vsctl(h, ['get', 'Port', tap, 'tag'])).toBe('100');
    }
    expect(new Set([await whereIs('web1'), await whereIs('web2')])).toEqual(new Set(['h1', 'h2']));

    const out = await nssv(['output', '-json'], env.configDir);
    const outputs = JSON.parse(out.stdout) as Record<string, { value: unknown }>;
    expect(outputs.placement!.value).toEqual({ web1: await whereIs('web1'), web2: await whereIs('web2') });
    expect(outputs.web1_uuid!.value).toBe(await virsh(await whereIs('web1'), ['domuuid', 'web1']));

    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.stdout).toBe('No changes. Your infrastructure matches the configuration.');
    expect(plan.code).toBe(0);
  });

  test('GIVEN a second configuration directory declaring the same objects WHEN planned THEN nssv refuses to take them over', async () => {
    const other = mkdtempSync(join(tmpdir(), 'nssv-qs-other-'));
    for (const f of ['main.tf', 'sandbox.tf']) copyFileSync(join(env.configDir, f), join(other, f));
    const plan = await nssv(['plan'], other);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(
      /Error: main\.tf:\d+:\d+: nssv_vm\.web1 would be created, but domain "web1" on h\d, managed as nssv_vm\.web1 already exists and is not in this configuration's state/,
    );
    expect(plan.stderr).toContain('nssv never takes over objects it did not create');
    const destroy = await nssv(['destroy', '-auto-approve'], other);
    expect(destroy.stdout).toContain('No changes.');
    expect(await virsh(await whereIs('web1'), ['domstate', 'web1'])).toBe('running');
  });

  test('GIVEN a running VM WHEN its memory changes THEN it is updated in place with the same UUID', async () => {
    const h = await whereIs('web1');
    const uuid = await virsh(h, ['domuuid', 'web1']);
    writeFileSync(main(), readFileSync(main(), 'utf8').replace('default     = 128', 'default     = 192'));
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('~ memory_mib = 128 -> 192');
    expect(plan.stdout).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(apply.code).toBe(0);
    expect(await virsh(h, ['domuuid', 'web1'])).toBe(uuid);
    expect(await virsh(h, ['dominfo', 'web1'])).toMatch(/Max memory:\s+196608 KiB/);
    expect(await virsh(h, ['domstate', 'web1'])).toBe('running');
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });

  test('GIVEN a running VM WHEN its volume grows THEN the disk grows in place while the guest runs', async () => {
    const h = await whereIs('web1');
    const text = readFileSync(main(), 'utf8');
    writeFileSync(main(), text.replace(/(name {5}= "web1-root"[\s\S]*?size_gib = )1/, '$12'));
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(apply.stderr).not.toMatch(/Error/);
    expect(apply.stdout).toContain('~ size_gib = 1 -> 2');
    expect(apply.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(await virsh(h, ['domstate', 'web1'])).toBe('running');
    expect(await virsh(h, ['domblkinfo', 'web1', 'vda'])).toMatch(/Capacity:\s+2147483648/);
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });

  test('GIVEN a saved plan WHEN applied THEN exactly it runs; WHEN the state moved on since THEN it is refused', async () => {
    const setMemory = (mib: number) =>
      writeFileSync(
        main(),
        readFileSync(main(), 'utf8').replace(
          /default {5}= \d+\n {2}description = "Memory/,
          `default     = ${mib}\n  description = "Memory`,
        ),
      );
    setMemory(256);
    const saved = await nssv(['plan', '-out=first.plan'], env.configDir);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('To perform exactly these actions, run: nssv apply first.plan');
    setMemory(320); // the configuration moves on; the saved plan still says 256
    const apply = await nssv(['apply', 'first.plan'], env.configDir);
    expect(apply.code).toBe(0);
    expect(await virsh(await whereIs('web1'), ['dominfo', 'web1'])).toMatch(/Max memory:\s+262144 KiB/);
    const again = await nssv(['apply', 'first.plan'], env.configDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Error: the saved plan was made against state serial');
    expect(again.stderr).toContain('Run nssv plan again and review the new plan.');
    setMemory(192);
    expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
  });

  test('GIVEN a VM stopped outside nssv THEN -refresh-only records it, and a normal apply starts it again', async () => {
    const h = await whereIs('web2');
    await virsh(h, ['destroy', 'web2']);
    const refresh = await nssv(['plan', '-refresh-only', '-detailed-exitcode'], env.configDir);
    expect(refresh.code).toBe(2);
    expect(refresh.stdout).toContain('# nssv_vm.web2 has changed');
    expect(refresh.stdout).toContain('~ power_state = "running" -> "shutoff"');
    expect((await nssv(['apply', '-refresh-only', '-auto-approve'], env.configDir)).code).toBe(0);
    expect((await nssv(['plan', '-refresh-only', '-detailed-exitcode'], env.configDir)).code).toBe(0);
    expect(await virsh(h, ['domstate', 'web2'])).toBe('shut off');
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stdout).toContain('~ power_state = "shutoff" -> "running"');
    expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
    expect(await virsh(h, ['domstate', 'web2'])).toBe('running');
  });

  test('GIVEN a step that fails mid-apply WHEN applying THEN what the apply did is undone and the hosts are as before', async () => {
    const extra = extraVm('web3');
    writeFileSync(join(env.configDir, 'extra.tf'), extra);
    const before = await inventories();
    const store = new LocalStateStore(env.configDir);
    const outcome = await planOperation({ configDir: env.configDir, mode: 'normal', store });
    expect(outcome.diagnostics).toEqual([]);
    const real = handlerRunner(outcome.ctx);
    const failing: StepRunner = {
      run: (step, change) =>
        step.id === 'nssv_vm.web3#create'
          ? Promise.reject(new Error('injected failure'))
          : real.run(step, change),
      undo: real.undo,
    };
    const result = await applyPlan(outcome.plan!, outcome.state, failing, {
      parallelism: 4,
      perHostParallelism: 2,
      onFailure: 'rollback',
      save: (s) => store.write(s),
    });
    expect(result.ok).toBe(false);
    expect(result.completed.map((s) => s.id)).toEqual(['nssv_volume.web3_root#create']);
    expect(result.undone.map((s) => s.id)).toEqual(['nssv_volume.web3_root#create']);
    expect(await inventories()).toEqual(before);
    writeFileSync(join(env.configDir, 'extra.tf'), '');
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });

  test('GIVEN an apply killed with SIGKILL mid-create WHEN the configuration drops what it was creating THEN the next apply still finds and removes it', async () => {
    const extra = extraVm('web4');
    writeFileSync(join(env.configDir, 'extra.tf'), extra);
    const child = execa(process.execPath, [join(repo, 'bin/nssv.cjs'), 'apply', '-auto-approve'], {
      cwd: env.configDir,
      reject: false,
      env: { CI: 'true' },
    });
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (d: Buffer) => {
        if (d.toString().includes('nssv_vm.web4: Creating...')) resolve();
      });
    });
    // Kill the CLI as soon as the agent has defined the domain, before the CLI hears back.
    const defined = async () => (await domains('h1')).concat(await domains('h2')).includes('web4');
    for (let i = 0; i < 400 && !(await defined()); i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    await child;
    // The agent finishes the request it was given; the killed CLI never recorded it in the state.
    const host = await whereIs('web4');
    expect(existsSync(join(env.configDir, 'nssv.tfstate.lock'))).toBe(true);
    expect(
      JSON.parse(readFileSync(join(env.configDir, 'nssv.tfstate'), 'utf8')).resources.map(
        (r: { address: string }) => r.address,
      ),
    ).not.toContain('nssv_vm.web4');

    writeFileSync(join(env.configDir, 'extra.tf'), '');
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stderr).toContain('Warning: an earlier apply was interrupted after creating nssv_vm.web4');
    expect(plan.stdout).toContain('# nssv_vm.web4 will be destroyed');
    const again = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(again.code).toBe(0);
    expect(await domains(host)).not.toContain('web4');
    expect(poolFiles(host)).not.toContain('web4-root.qcow2');
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
    expect(existsSync(join(env.configDir, '.nssv', 'apply.journal'))).toBe(false);
  });

  test('GIVEN a VM removed from the configuration WHEN applied THEN its domain and its disk are gone', async () => {
    const h = await whereIs('web2');
    const text = readFileSync(main(), 'utf8');
    const cut = text
      .replace(/resource "nssv_volume" "web2_root" \{[^}]*\}/, '')
      .replace(/resource "nssv_vm" "web2" \{[\s\S]*$/, '');
    writeFileSync(main(), cut);
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 2 destroyed.');
    expect(await domains(h)).not.toContain('web2');
    expect(poolFiles(h)).not.toContain('web2-root.qcow2');
  });

  test('GIVEN applied resources WHEN destroyed THEN no domain, port, bridge or volume is left', async () => {
    const destroy = await nssv(['destroy', '-auto-approve'], env.configDir);
    expect(destroy.code).toBe(0);
    for (const h of ['h1', 'h2']) {
      expect(await domains(h)).toEqual([]);
      // br-phy is the host's own underlay bridge (the sandbox's, holding its underlay address), not nssv's.
      expect(await vsctl(h, ['list-br'])).toBe('br-phy');
      expect(poolFiles(h)).toEqual([]);
    }
    expect((await nssv(['plan', '-detailed-exitcode', '--destroy'], env.configDir)).code).toBe(0);
  });

  test('GIVEN no approval WHEN apply runs without a terminal THEN it refuses and changes nothing', async () => {
    const r = await nssv(['apply'], env.configDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: nssv apply needs approval, and CI=true, so nssv will not ask');
    expect(r.stderr).toContain('Review the plan above, then run: nssv apply -auto-approve');
    for (const h of ['h1', 'h2']) expect(await domains(h)).toEqual([]);
  });

  test('GIVEN a running agent WHEN a request has no valid token or a hostile name THEN it is refused and nothing changes', async () => {
    const h = env.sandbox.hosts[0]!;
    const before = await inventories();
    const put = (token: string | undefined, name: string) =>
      agentFetch(h, `/v1/pools/${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ address: 'nssv_storage_pool.evil' }),
      });
    expect((await put(undefined, 'evil')).status).toBe(401);
    expect((await put('0'.repeat(64), 'evil')).status).toBe(401);
    const hostile = await put(h.token, 'x;rm -rf /');
    expect(hostile.status).toBe(400);
    const body = (await hostile.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_name');
    expect(body.error.message).toContain('"x;rm -rf /"');
    expect(await inventories()).toEqual(before);
  });
});
