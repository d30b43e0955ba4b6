/**
 * nssv_vm.ha_enabled on its own host, on real daemons: the domain libvirt defines restarts on
 * crash (<on_crash>restart</on_crash>) and carries a pvpanic device, in the persistent definition
 * and in the running domain; a crash action changed on the host out of band is drift the next
 * plan shows and apply repairs without a power cycle. Checked with virsh, not nssv's own view.
 * Then a real guest (the sandbox image, cloud-init) panics its kernel: the pvpanic device tells
 * QEMU, libvirt restarts the domain on its host (a reset in the same QEMU process, run again with
 * the reason "crashed", same UUID), and the next plan is empty. The second boot itself is not
 * awaited: under TCG the kernel's decompression after that reset crawls (one run on the loaded
 * 2-core machine printed the second boot's "Linux version" 6.5 min after the panic, against
 * seconds on the first boot), beyond a CI budget.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(300_000);

/** Boot to cloud-init's bootcmd under TCG: about a minute on an idle 2-core machine, several under load. */
const BOOT_DEADLINE_MS = 12 * 60_000;
/**
 * Loads the pvpanic driver (pvpanic-mmio for the ISA device) and, on the first boot only (a marker
 * on the root disk), crashes the kernel with sysrq-c. bootcmd runs at every boot, early.
 */
const PANIC_ONCE = `#cloud-config
bootcmd:
  - [sh, -c, "modprobe pvpanic-mmio; if [ ! -e /var/lib/nssv-panicked ]; then touch /var/lib/nssv-panicked; sync; echo c > /proc/sysrq-trigger; fi"]
`;
const panicky = `
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}
resource "nssv_volume" "panicky_root" {
  name            = "panicky-root"
  pool_id         = nssv_storage_pool.local.id
  size_gib        = 1
  source_image_id = nssv_image.sandbox.id
  clone_mode      = "linked"
}
resource "nssv_vm" "panicky" {
  name       = "panicky"
  cluster_id = nssv_cluster.sandbox.id
  host_id    = nssv_host.h1.id
  memory_mib = 512
  ha_enabled = true
  user_data  = ${JSON.stringify(PANIC_ONCE)}
  disk { volume_id = nssv_volume.panicky_root.id }
}
`;

let env: E2eSandbox;
const h1 = (): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === 'h1')!;
const virsh = async (args: string[]) => (await hostVirsh(h1(), args)).stdout.trim();
const crashLine = async (inactive: boolean) =>
  (await virsh(['dumpxml', ...(inactive ? ['--inactive'] : []), 'ha']))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('<on_crash>') || l.startsWith('<panic '));

beforeAll(async () => {
  env = await startSandbox('crash', [], { hosts: 1, guestImage: true });
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

test(
  'GIVEN a real guest with ha_enabled WHEN its kernel panics THEN libvirt restarts it on its host (reset and run again, same UUID); the next plan is empty',
  async () => {
    writeFileSync(join(env.configDir, 'panicky.tf'), panicky);
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(apply.stderr).not.toMatch(/Error/);
    expect(apply.code).toBe(0);
    const started = Date.now();
    const uuid = await virsh(['domuuid', 'panicky']);
    const PANIC = 'Kernel panic - not syncing: sysrq triggered crash';
    let log = '';
    while (Date.now() - started < BOOT_DEADLINE_MS) {
      log = (await nssv(['console-log', 'panicky'], env.configDir)).stdout;
      if (log.includes(PANIC)) break;
      await new Promise((res) => setTimeout(res, 2000));
    }
    process.stderr.write(`guest panic: seen on the console after ${(Date.now() - started) / 1000} s\n`);
    expect(log).toContain('sysrq: Trigger a crash');
    expect(log).toContain(PANIC);
    // pvpanic told QEMU; libvirt's on_crash restart resets the guest in its QEMU process and runs it
    // again, with the reason "crashed" (destroy would leave it "shut off (crashed)", preserve
    // "crashed (panicked)"). Polled: the event is handled asynchronously.
    let reason = '';
    for (let i = 0; i < 30 && reason !== 'running (crashed)'; i++) {
      reason = await virsh(['domstate', '--reason', 'panicky']);
      if (reason !== 'running (crashed)') await new Promise((res) => setTimeout(res, 2000));
    }
    expect(reason).toBe('running (crashed)');
    expect(await virsh(['domuuid', 'panicky'])).toBe(uuid);
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect([plan.code, plan.stdout]).toEqual([
      0,
      'No changes. Your infrastructure matches the configuration.',
    ]);
  },
  BOOT_DEADLINE_MS + 180_000,
);
