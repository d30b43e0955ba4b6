/**
 * nssv_vm.ha_enabled on its own host, on real daemons: the domain libvirt defines restarts on
 * crash (<on_crash>restart</on_crash>) and carries a pvpanic device, in the persistent definition
 * and in the running domain; a crash action changed on the host out of band is drift the next
 * plan shows and apply repairs without a power cycle. Checked with virsh, not nssv's own view.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(300_000);

let env: E2eSandbox;
const h1 = (): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === 'h1')!;
const virsh = async (args: string[]) => (await hostVirsh(h1(), args)).stdout.trim();
const crashLine = async (inactive: boolean) =>
  (await virsh(['dumpxml', ...(inactive ? ['--inactive'] : []), 'ha']))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('<on_crash>') || l.startsWith('<panic '));

beforeAll(async () => {
  env = await startSandbox('crash');
  writeFileSync(
    join(env.configDir, 'main.tf'),
    `
resource "nssv_vm" "ha" {
  name       = "ha"
  cluster_id = nssv_cluster.sandbox.id
  host_id    = nssv_host.h1.id
  memory_mib = 64
  ha_enabled = true
}
`,
  );
});
afterAll(async () => {
  if (env) await nssv(['destroy', '-auto-approve'], env.configDir);
  await env?.down();
});

test('GIVEN an ha_enabled VM WHEN applied THEN libvirt restarts it on crash and it has a pvpanic device; the next plan is empty', async () => {
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stderr).not.toMatch(/Error/);
  expect(apply.code).toBe(0);
  expect(await virsh(['domstate', 'ha'])).toBe('running');
  for (const inactive of [true, false]) {
    const lines = await crashLine(inactive);
    expect(lines[0]).toBe('<on_crash>restart</on_crash>');
    expect(lines[1]).toMatch(/^<panic model='isa'/);
  }
  // The device reached QEMU, where a guest's panic notification turns into libvirt's crash event.
  expect(await virsh(['qemu-monitor-command', 'ha', '--hmp', 'info qtree'])).toContain('dev: pvpanic');
  const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  expect(plan.stdout).toBe('No changes. Your infrastructure matches the configuration.');
  expect(plan.code).toBe(0);
});

test('GIVEN the crash action set to destroy on the host out of band WHEN planned THEN the drift is shown and apply restores restart, live and persistent, same UUID, still running', async () => {
  const uuid = await virsh(['domuuid', 'ha']);
  await virsh(['set-lifecycle-action', 'ha', 'crash', 'destroy', '--config', '--live']);
  expect((await crashLine(true))[0]).toBe('<on_crash>destroy</on_crash>');
  expect((await crashLine(false))[0]).toBe('<on_crash>destroy</on_crash>');

  const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  expect(plan.code).toBe(2);
  expect(plan.stdout).toContain('~ ha_enabled = false -> true');
  expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stderr).not.toMatch(/Error/);
  expect(apply.code).toBe(0);
  expect((await crashLine(true))[0]).toBe('<on_crash>restart</on_crash>');
  expect((await crashLine(false))[0]).toBe('<on_crash>restart</on_crash>');
  expect(await virsh(['domuuid', 'ha'])).toBe(uuid);
  expect(await virsh(['domstate', 'ha'])).toBe('running');
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});

test('GIVEN the crash action changed on the running domain only WHEN planned THEN the drift is shown and apply restores it live', async () => {
  await virsh(['set-lifecycle-action', 'ha', 'crash', 'destroy', '--live']);
  expect((await crashLine(true))[0]).toBe('<on_crash>restart</on_crash>');
  expect((await crashLine(false))[0]).toBe('<on_crash>destroy</on_crash>');
  const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  expect(plan.code).toBe(2);
  expect(plan.stdout).toContain('~ ha_enabled = false -> true');
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.code).toBe(0);
  expect((await crashLine(false))[0]).toBe('<on_crash>restart</on_crash>');
  expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
});
