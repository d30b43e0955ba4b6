/**
 * nssv_vm disk bus and boot_order on real libvirt: disks sit on the bus asked for (virtio-scsi
 * with its controller, AHCI sata), boot in the order given, the next plan is empty, a boot order
 * change is an in-place update labelled `reboot` that keeps the domain UUID, and a bus change
 * replaces the VM. Checked with virsh dumpxml, not with nssv's own view.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(300_000);

let env: E2eSandbox;
const h1 = (): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === 'h1')!;
const virsh = async (args: string[]) => (await hostVirsh(h1(), args)).stdout.trim();
const config = (rootOrder: number, dataOrder: number, dataBus: string) => `
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}

resource "nssv_volume" "root" {
  name     = "bus-root"
  pool_id  = nssv_storage_pool.local.id
  host_id  = nssv_host.h1.id
  size_gib = 1
}

resource "nssv_volume" "data" {
  name     = "bus-data"
  pool_id  = nssv_storage_pool.local.id
  host_id  = nssv_host.h1.id
  size_gib = 1
}

resource "nssv_vm" "disks" {
  name       = "disks"
  cluster_id = nssv_cluster.sandbox.id
  host_id    = nssv_host.h1.id
  memory_mib = 64
  disk {
    volume_id  = nssv_volume.root.id
    bus        = "scsi"
    boot_order = ${rootOrder}
  }
  disk {
    volume_id  = nssv_volume.data.id
    bus        = "${dataBus}"
    boot_order = ${dataOrder}
  }
}
`;
/** The disk and controller lines of the persistent definition, trimmed. */
const diskLines = async () =>
  (await virsh(['dumpxml', '--inactive', 'disks']))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^<(target dev|boot |controller type='scsi')/.test(l));

beforeAll(async () => {
  env = await startSandbox('bus', [], { hosts: 1 });
  writeFileSync(join(env.configDir, 'main.tf'), config(1, 2, 'sata'));
});
afterAll(async () => {
  if (env) await nssv(['destroy', '-auto-approve'], env.configDir);
  await env?.down();
  if (env) rmSync(env.configDir, { recursive: true, force: true });
});

test('GIVEN a scsi and a sata disk with boot orders WHEN applied THEN libvirt has each on its bus in that boot order, and the next plan is empty', async () => {
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.stderr).not.toMatch(/Error/);
  expect(apply.code).toBe(0);
  expect(await diskLines()).toEqual([
    "<target dev='sda' bus='scsi'/>",
    "<boot order='1'/>",
    "<target dev='sdb' bus='sata'/>",
    "<boot order='2'/>",
    "<controller type='scsi' index='0' model='virtio-scsi'>",
  ]);
  expect(await virsh(['dumpxml', '--inactive', 'disks'])).not.toContain("<boot dev='hd'/>");
  expect(await virsh(['domstate', 'disks'])).toBe('running');
  const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  expect(plan.stdout).toBe('No changes. Your infrastructure matches the configuration.');
  expect(plan.code).toBe(0);
});

test('GIVEN the boot order swapped WHEN planned THEN an in-place update labelled reboot; WHEN applied THEN same UUID, new order, running', async () => {
  const uuid = await virsh(['domuuid', 'disks']);
  writeFileSync(join(env.configDir, 'main.tf'), config(2, 1, 'sata'));
  const plan = await nssv(['plan'], env.configDir);
  expect(plan.stdout).toContain('# nssv_vm.disks will be updated in-place');
  expect(plan.stdout).toContain('(disruption: reboot: disk settings change: nssv restarts the VM)');
  expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.code).toBe(0);
  expect(await virsh(['domuuid', 'disks'])).toBe(uuid);
  expect(await virsh(['domstate', 'disks'])).toBe('running');
  expect(await diskLines()).toEqual([
    "<target dev='sda' bus='scsi'/>",
    "<boot order='2'/>",
    "<target dev='sdb' bus='sata'/>",
    "<boot order='1'/>",
    "<controller type='scsi' index='0' model='virtio-scsi'>",
  ]);
  const replan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
  expect(replan.stdout).toBe('No changes. Your infrastructure matches the configuration.');
});

test('GIVEN a disk moved to another bus WHEN planned THEN the VM is replaced, saying the bus forces it', async () => {
  writeFileSync(join(env.configDir, 'main.tf'), config(2, 1, 'virtio'));
  const plan = await nssv(['plan'], env.configDir);
  expect(plan.stdout).toContain('# nssv_vm.disks must be replaced');
  expect(plan.stdout).toContain('# (disk[1].bus forces replacement)');
  const apply = await nssv(['apply', '-auto-approve'], env.configDir);
  expect(apply.code).toBe(0);
  expect(await diskLines()).toEqual([
    "<target dev='sda' bus='scsi'/>",
    "<boot order='2'/>",
    "<target dev='vda' bus='virtio'/>",
    "<boot order='1'/>",
    "<controller type='scsi' index='0' model='virtio-scsi'>",
  ]);
});
