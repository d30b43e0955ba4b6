/**
 * Issue 9 with the real `terraform` on a three-host sandbox: (1) unpinned VMs of a scheduling
 * group are placed by `terraform plan` — the provider evaluates the configuration in Terraform's
 * working directory (TF_VAR_ variables included) and runs nssv's scheduler over all its VMs —
 * so three VMs of a mandatory anti-affinity group show three different hosts, are created there,
 * and a fourth that the rule cannot place is a plan error naming the rule. (2) A VM whose host_id
 * changes is migrated, not replaced: its dir-pool disk is copied by the live migration (same
 * UUID, libvirt's "running (migrated)", the bytes written before are on the new host), and the
 * next plan has no changes (the volume's host follows at refresh). A shut-off VM's local disk
 * cannot move: the plan error nssv plan gives. (3) A snapshot of that dir-pool volume through
 * Terraform: taken under the running VM, it keeps the VM from moving (plan error), reverts the
 * volume when revert_serial is raised (the VM shut off), and is destroyed with the data kept.
 * (4) A host put into maintenance (sandbox.tf's variable) is not drained by Terraform: the plan
 * warns, naming the VMs that stay.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { run } from '../../../sandbox/exec.js';
import { hostVirsh, type SandboxHostInfo } from '../../../sandbox/index.js';
import { startSandbox, type E2eSandbox } from '../../e2e/support.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../../helpers/e2e.js';
import { expectTerraformSucceeded, terraform, terraformEnv } from '../../helpers/terraform.js';

jest.setTimeout(900_000);

const NEEDS = {
  ...SANDBOX_WITH_AGENTS,
  tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), 'terraform', 'qemu-io'],
};

const CONFIG = `
variable "n" {
  type = number
}
variable "mover_host" {
  type = string
}
variable "power" {
  type = string
}
variable "snaps" {
  type    = number
  default = 0
}
variable "revert" {
  type    = number
  default = 0
}

resource "nssv_scheduling_group" "spread" {
  name       = "spread"
  cluster_id = nssv_cluster.sandbox.id
  policy     = "vm-anti-affinity"
  mode       = "mandatory"
}

resource "nssv_vm" "w" {
  count               = var.n
  name                = "w\${count.index}"
  cluster_id          = nssv_cluster.sandbox.id
  memory_mib          = 64
  scheduling_group_id = nssv_scheduling_group.spread.id
}

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
  host_id     = var.mover_host == "" ? null : var.mover_host
  memory_mib  = 64
  power_state = var.power
  disk { volume_id = nssv_volume.data.id }
}

resource "nssv_volume_snapshot" "data" {
  count         = var.snaps
  name          = "before"
  volume_id     = nssv_volume.data.id
  revert_serial = var.revert
}
`;

describeE2e(
  'terraform with the nssv provider: scheduling groups placed at plan, host_id changes migrate',
  NEEDS,
  () => {
    let env: E2eSandbox;
    let tfEnv: Record<string, string>;
    /** The mover's first host, and the one it migrates to. */
    let from = '';
    let to = '';
    const vars: Record<string, string> = { TF_VAR_n: '3', TF_VAR_mover_host: '', TF_VAR_power: 'shutoff' };
    const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
    const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
    const tf = (args: string[]) => terraform(args, env.configDir, { ...tfEnv, ...vars });
    const plan = () => tf(['plan', '-detailed-exitcode', '-input=false']);
    const file = (h: string) => join(host(h).storageRoot, 'local', 'data.qcow2');
    const qemuIo = (h: string, cmd: string, readOnly: boolean) =>
      run('qemu-io', [...(readOnly ? ['-r', '-U'] : []), '-f', 'qcow2', '-c', cmd, file(h)], {
        reject: false,
      });

    async function whereIs(vm: string): Promise<string | undefined> {
      for (const h of ['h1', 'h2', 'h3'])
        if ((await virsh(h, ['list', '--all', '--name'])).split('\n').includes(vm)) return h;
      return undefined;
    }

    async function applyClean(): Promise<string> {
      const r = await tf(['apply', '-auto-approve', '-input=false']);
      expectTerraformSucceeded(r, 'Apply complete!');
      const again = await plan();
      expect(again.out).toContain('No changes.');
      expect(again.code).toBe(0);
      return r.out;
    }

    beforeAll(async () => {
      tfEnv = await terraformEnv();
      env = await startSandbox('tfpl', [], { hosts: 3 });
      writeFileSync(join(env.configDir, 'main.tf'), CONFIG);
      const init = await tf(['init', '-input=false']);
      expect(init.out).toContain('Terraform has been successfully initialized!');
    });

    afterAll(async () => {
      if (env) await tf(['destroy', '-auto-approve', '-input=false']);
      await env?.down();
    });

    test('GIVEN three unpinned VMs of a mandatory anti-affinity group WHEN terraform plan THEN three different hosts are shown, and apply puts them there', async () => {
      const p = await tf(['plan', '-input=false']);
      expect(p.code).toBe(0);
      const planned = new Map(
        [...p.out.matchAll(/# nssv_vm\.w\[(\d)\] will be created[\s\S]*?\+ host_id\s+= "(h\d)"/g)].map(
          (m) => [`w${m[1]}`, m[2]!],
        ),
      );
      expect([...planned.values()].sort()).toEqual(['h1', 'h2', 'h3']);
      await applyClean();
      for (const [vm, h] of planned) expect(await virsh(h, ['domstate', vm])).toBe('running');
    });

    test('GIVEN h1 put into maintenance (the sandbox variable) WHEN terraform plan THEN a warning names the VMs that stay on h1: Terraform does not drain a host', async () => {
      const onH1 = (await virsh('h1', ['list', '--all', '--name'])).split('\n').filter(Boolean).sort();
      expect(onH1.length).toBeGreaterThan(0);
      const p = await tf(['plan', '-input=false', '-var', 'sandbox_maintenance=["h1"]']);
      expect(p.code).toBe(0);
      const out = p.out.replace(/\s+/g, ' ');
      expect(out).toContain('# nssv_host.h1 will be updated in-place ~ resource "nssv_host" "h1" {');
      expect(out).toContain('~ maintenance = false -> true');
      expect(out).toContain(
        `Warning: NSSV_TF_MAINTENANCE_NO_DRAIN: nssv_host "h1" goes into maintenance, but Terraform does not move the VMs on it: ${onH1.join(', ')} stay on h1`,
      );
      expect(out).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    });

    test('GIVEN a fourth VM the mandatory rule cannot place WHEN terraform plan THEN an error names the rule', async () => {
      vars.TF_VAR_n = '4';
      const p = await plan();
      vars.TF_VAR_n = '3';
      expect(p.code).toBe(1);
      const out = p.out.replace(/\s+/g, ' ');
      expect(out).toContain(
        'Error: NSSV_SCHEDULING_RULE_FAILED: nssv_vm.w[3] cannot be placed in cluster "sandbox" by mandatory anti-affinity: spread: ',
      );
    });

    test('GIVEN a running VM on a dir-pool disk WHEN its host_id changes THEN terraform migrates it live with its disk: same UUID, bytes intact, no changes after', async () => {
      // Unpinned, it went where its volume was placed.
      from = (await whereIs('mover'))!;
      to = from === 'h1' ? 'h2' : 'h1';
      const written = await qemuIo(from, 'write -P 0x5a 0 1M', false);
      expect(written.stdout).toContain('wrote 1048576/1048576 bytes at offset 0');
      vars.TF_VAR_power = 'running';
      vars.TF_VAR_mover_host = from;
      await applyClean();
      const uuid = await virsh(from, ['domuuid', 'mover']);

      vars.TF_VAR_mover_host = to;
      const p = await plan();
      expect(p.code).toBe(2);
      expect(p.out).toMatch(
        new RegExp(`# nssv_vm\\.mover will be updated in-place[\\s\\S]*?~ host_id\\s+= "${from}" -> "${to}"`),
      );
      expect(p.out).not.toContain('must be replaced');
      expect(p.out).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
      expect(p.out.replace(/\s+/g, ' ')).toContain(
        `Warning: NSSV_VM_MIGRATES: nssv_vm "mover" will be migrated from ${from} to ${to} (live, copy storage: 1073741824 bytes of nssv_volume "data")`,
      );
      await applyClean();
      expect(await virsh(to, ['domuuid', 'mover'])).toBe(uuid);
      expect(await virsh(to, ['domstate', '--reason', 'mover'])).toBe('running (migrated)');
      expect(await virsh(from, ['list', '--all', '--name'])).not.toContain('mover');
      expect(existsSync(file(from))).toBe(false);
      const read = await qemuIo(to, 'read -P 0x5a 0 1M', true);
      expect(read.stdout).toContain('read 1048576/1048576 bytes at offset 0');

      // Shut off outside Terraform, its local disk cannot move: the plan error nssv plan gives.
      await virsh(to, ['destroy', 'mover']);
      vars.TF_VAR_mover_host = from;
      const cold = await plan();
      vars.TF_VAR_mover_host = to;
      expect(cold.code).toBe(1);
      expect(cold.out.replace(/\s+/g, ' ')).toContain(
        `Error: NSSV_LOCAL_DISK_COLD_MOVE: nssv_vm "mover" is shut off and would move from "${to}" to "${from}", but its disk nssv_volume "data" is in a dir pool on "${to}"`,
      );
      const back = await plan();
      expect(back.out).toMatch(/~ power_state\s+= "shutoff" -> "running"/);
      await applyClean();
      expect(await virsh(to, ['domstate', 'mover'])).toBe('running');
      // That apply refreshed the volume: its state names the host its VM's migration copied it to.
      const state = await tf(['state', 'show', 'nssv_volume.data']);
      expect(state.out).toMatch(new RegExp(`host_id\\s+= "${to}"`));
    });

    test('GIVEN a dir-pool volume under a running VM WHEN a snapshot is added, the VM stopped, data overwritten and revert_serial raised THEN the data is back; the snapshot keeps the VM from moving; destroyed, the data stays', async () => {
      vars.TF_VAR_snaps = '1';
      await applyClean();
      expect(await virsh(to, ['domstate', 'mover'])).toBe('running');
      const layers = await run('qemu-img', ['info', '-U', '--output=json', file(to)]);
      expect(JSON.parse(layers.stdout)).toHaveProperty('backing-filename');

      vars.TF_VAR_mover_host = from;
      const moving = await plan();
      vars.TF_VAR_mover_host = to;
      expect(moving.code).toBe(1);
      expect(moving.out.replace(/\s+/g, ' ')).toContain(
        `Error: NSSV_LOCAL_DISK_SNAPSHOT_MOVE: nssv_vm "mover" would move from "${to}" to "${from}", but its disk nssv_volume "data" (a dir pool on "${to}") has snapshot nssv_volume_snapshot "before"`,
      );

      vars.TF_VAR_power = 'shutoff';
      await applyClean();
      const overwritten = await qemuIo(to, 'write -P 0xa5 0 1M', false);
      expect(overwritten.stdout).toContain('wrote 1048576/1048576 bytes at offset 0');
      vars.TF_VAR_revert = '1';
      const p = await plan();
      expect(p.out).toMatch(
        /# nssv_volume_snapshot\.data\[0\] will be updated in-place[\s\S]*?~ revert_serial\s+= 0 -> 1/,
      );
      await applyClean();
      expect((await qemuIo(to, 'read -P 0x5a 0 1M', true)).stdout).toContain(
        'read 1048576/1048576 bytes at offset 0',
      );

      vars.TF_VAR_snaps = '0';
      const gone = await plan();
      expect(gone.out).toContain('# nssv_volume_snapshot.data[0] will be destroyed');
      expect(gone.out).toContain('Plan: 0 to add, 0 to change, 1 to destroy.');
      await applyClean();
      expect((await qemuIo(to, 'read -P 0x5a 0 1M', true)).stdout).toContain(
        'read 1048576/1048576 bytes at offset 0',
      );
    });
  },
);
