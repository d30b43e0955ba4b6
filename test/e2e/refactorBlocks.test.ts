/**
 * moved and removed blocks on real daemons: a renamed VM keeps its libvirt domain (same UUID,
 * nothing on any host changes); removed { lifecycle { destroy = false } } forgets a VM and its
 * volume, which stay on their host. After each apply the next plan is empty.
 */
import { jest } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentClient } from '../../provider/agent/client.js';
import { hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(600_000);

describeE2e('moved and removed blocks on a two-host sandbox', SANDBOX_WITH_AGENTS, () => {
  let env: E2eSandbox;
  const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
  const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
  async function whereIs(vm: string): Promise<string> {
    for (const h of ['h1', 'h2'])
      if ((await virsh(h, ['list', '--all', '--name'])).split('\n').includes(vm)) return h;
    throw new Error(`${vm} is on no host`);
  }
  /** What the agents report, without free space (which moves on its own). */
  async function inventories(): Promise<string> {
    const out: unknown[] = [];
    for (const h of env.sandbox.hosts) {
      const inv = await new AgentClient({
        host: h.name,
        endpoint: h.endpoint!,
        token: h.token,
        tlsDir: h.tlsDir,
      }).inventory();
      out.push({ ...inv, pools: inv.pools.map((p) => p.name).sort() });
    }
    return JSON.stringify(out);
  }
  const main = () => join(env.configDir, 'main.tf');
  const edit = (f: (s: string) => string) => writeFileSync(main(), f(readFileSync(main(), 'utf8')));

  beforeAll(async () => {
    env = await startSandbox('i13rf', ['examples/quickstart/main.tf']);
    const applied = await nssv(['apply', '-auto-approve'], env.configDir);
    if (applied.code !== 0) throw new Error(applied.stderr);
  });
  afterAll(async () => {
    await env?.down();
  });

  test('GIVEN a moved block WHEN applied THEN the VM is renamed in the state only: same domain UUID, hosts unchanged, replan empty', async () => {
    const h = await whereIs('web1');
    const uuid = await virsh(h, ['domuuid', 'web1']);
    const before = await inventories();
    edit((s) =>
      s
        .replace('resource "nssv_vm" "web1"', 'resource "nssv_vm" "frontend"')
        .replaceAll('nssv_vm.web1', 'nssv_vm.frontend')
        .concat('\nmoved {\n  from = nssv_vm.web1\n  to   = nssv_vm.frontend\n}\n'),
    );
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(
      '  # nssv_vm.web1 has moved to nssv_vm.frontend\n    resource "nssv_vm" "frontend" {\n',
    );
    expect(plan.stdout).toContain('Plan: 0 to add, 0 to change, 0 to destroy.');
    const applied = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(applied.code).toBe(0);
    expect(await virsh(h, ['domuuid', 'web1'])).toBe(uuid);
    expect(await inventories()).toBe(before);
    expect((await nssv(['state', 'list'], env.configDir)).stdout).toContain('nssv_vm.frontend');
    const shown = await nssv(['state', 'show', 'nssv_vm.frontend'], env.configDir);
    expect(shown.stdout).toMatch(
      new RegExp(`^# nssv_vm.frontend:\nresource "nssv_vm" "frontend" \\{\n[^]*\n    uuid +=  ?"${uuid}"\n`),
    );
    const replan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(replan.code).toBe(0);
    expect(replan.stdout).toContain('No changes.');
  });

  test('GIVEN removed with destroy = false WHEN applied THEN the VM and its volume leave the state and stay on the host', async () => {
    const h = await whereIs('web2');
    const uuid = await virsh(h, ['domuuid', 'web2']);
    const files = readdirSync(join(host(h).storageRoot, 'local')).filter((f) => f.startsWith('web2'));
    expect(files).toEqual(['web2-root.qcow2']);
    edit((s) => {
      const cut = (text: string, header: string): string => {
        const i = text.indexOf(header);
        const j = text.indexOf('\n}\n', i) + 3;
        return text.slice(0, i) + text.slice(j);
      };
      return cut(cut(s, 'resource "nssv_vm" "web2"'), 'resource "nssv_volume" "web2_root"')
        .replace('[nssv_vm.frontend, nssv_vm.web2]', '[nssv_vm.frontend]')
        .concat(
          '\nremoved {\n  from = nssv_vm.web2\n  lifecycle {\n    destroy = false\n  }\n}\n' +
            'removed {\n  from = nssv_volume.web2_root\n  lifecycle {\n    destroy = false\n  }\n}\n',
        );
    });
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(
      '  # nssv_vm.web2 will no longer be managed by nssv, but will not be destroyed\n  # (destroy = false is set in the configuration)\n  . resource "nssv_vm" "web2" {\n',
    );
    expect(plan.stdout).toContain('Plan: 0 to add, 0 to change, 0 to destroy, 2 to forget.');
    const applied = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(applied.code).toBe(0);
    expect(await virsh(h, ['domuuid', 'web2'])).toBe(uuid);
    expect(readdirSync(join(host(h).storageRoot, 'local')).filter((f) => f.startsWith('web2'))).toEqual(
      files,
    );
    const list = (await nssv(['state', 'list'], env.configDir)).stdout;
    expect(list).not.toContain('web2');
    const replan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(replan.code).toBe(0);
    expect(replan.stdout).toContain('No changes.');
  });

  test("GIVEN moved and removed blocks inside a child module WHEN applied THEN their addresses are the module's: the volume is renamed, then forgotten, and stays on its host", async () => {
    const moduleDir = join(env.configDir, 'data');
    mkdirSync(moduleDir);
    const volume = (name: string) =>
      `variable "pool" {\n  type = string\n}\n\nresource "nssv_volume" "${name}" {\n  name     = "scratch"\n  pool_id  = var.pool\n  size_gib = 1\n  host_id  = "h1"\n}\n`;
    writeFileSync(join(moduleDir, 'main.tf'), volume('scratch'));
    edit((s) =>
      s.concat('\nmodule "data" {\n  source = "./data"\n  pool   = nssv_storage_pool.local.id\n}\n'),
    );
    expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
    const files = () =>
      readdirSync(join(host('h1').storageRoot, 'local')).filter((f) => f.startsWith('scratch'));
    expect(files()).toEqual(['scratch.qcow2']);
    const before = await inventories();

    writeFileSync(
      join(moduleDir, 'main.tf'),
      volume('disk') + '\nmoved {\n  from = nssv_volume.scratch\n  to   = nssv_volume.disk\n}\n',
    );
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.stdout).toContain(
      '  # module.data.nssv_volume.scratch has moved to module.data.nssv_volume.disk\n',
    );
    expect(plan.stdout).toContain('Plan: 0 to add, 0 to change, 0 to destroy.');
    expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
    expect(await inventories()).toBe(before);
    expect((await nssv(['state', 'list'], env.configDir)).stdout).toContain('module.data.nssv_volume.disk');
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);

    writeFileSync(
      join(moduleDir, 'main.tf'),
      'variable "pool" {\n  type = string\n}\n\nremoved {\n  from = nssv_volume.disk\n  lifecycle {\n    destroy = false\n  }\n}\n',
    );
    const forget = await nssv(['plan'], env.configDir);
    expect(forget.stdout).toContain(
      '  # module.data.nssv_volume.disk will no longer be managed by nssv, but will not be destroyed\n',
    );
    expect(forget.stdout).toContain('Plan: 0 to add, 0 to change, 0 to destroy, 1 to forget.');
    expect((await nssv(['apply', '-auto-approve'], env.configDir)).code).toBe(0);
    expect(files()).toEqual(['scratch.qcow2']);
    expect((await nssv(['state', 'list'], env.configDir)).stdout).not.toContain('module.data');
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });
});
