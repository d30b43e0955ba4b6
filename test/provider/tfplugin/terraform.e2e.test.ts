/**
 * The nssv provider driven by the real `terraform` against a two-host sandbox (libvirtd, Open
 * vSwitch, agentd per host): init from the offline mirror, plan (each unpinned VM's host shown),
 * apply, in-place update (same domain UUID), replace of every resource type nssv can apply,
 * drift made with virsh and ovs-vsctl (del-br, del-port), import, Terraform's state taken over by
 * `nssv state import-terraform` with nssv planning no changes, destroy. After every apply `terraform plan
 * -detailed-exitcode` exits 0, and no agent token appears in any output or in the provider's log.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import { hostOvsVsctl, hostVirsh, type SandboxHostInfo } from '../../../sandbox/index.js';
import { nssv, repo, startSandbox, type E2eSandbox } from '../../e2e/support.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../../helpers/e2e.js';
import { expectTerraformSucceeded } from '../../helpers/terraform.js';

jest.setTimeout(900_000);

const NEEDS = { ...SANDBOX_WITH_AGENTS, tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), 'terraform'] };

describeE2e('terraform with the nssv provider: the quickstart', NEEDS, () => {
  let env: E2eSandbox;
  let tfEnv: Record<string, string>;
  const outputs: string[] = [];
  const logFile = join(mkdtempSync(join(tmpdir(), 'nssv-tfp-log-')), 'terraform.log');

  const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
  const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
  const vsctl = async (h: string, args: string[]) => (await hostOvsVsctl(host(h), args)).stdout.trim();

  async function tf(args: string[]): Promise<{ code: number; out: string }> {
    const r = await execa('terraform', [...args, '-no-color'], {
      cwd: env.configDir,
      reject: false,
      env: tfEnv,
      stdin: 'ignore',
      all: true,
    });
    outputs.push(r.all ?? '');
    return { code: r.exitCode ?? -1, out: r.all ?? '' };
  }

  async function applyClean(args: string[] = []): Promise<string> {
    const r = await tf(['apply', '-auto-approve', '-input=false', ...args]);
    expectTerraformSucceeded(r, 'Apply complete!');
    const again = await tf(['plan', '-detailed-exitcode', '-input=false', ...args]);
    expect(again.out).toContain('No changes.');
    expect(again.code).toBe(0);
    return r.out;
  }

  async function whereIs(vm: string): Promise<string> {
    for (const h of ['h1', 'h2']) {
      if ((await virsh(h, ['list', '--all', '--name'])).split('\n').includes(vm)) return h;
    }
    throw new Error(`${vm} is on no host`);
  }

  const EXTRA = `
variable "gen" {
  type    = string
  default = "a"
}

resource "nssv_datacenter" "extra" {
  name = "dc-\${var.gen}"
}

resource "nssv_cluster" "extra" {
  name          = "cl-\${var.gen}"
  datacenter_id = nssv_datacenter.extra.id
}

resource "nssv_distributed_switch" "extra" {
  name          = "sw-\${var.gen}"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
}

resource "nssv_port_group" "extra" {
  name      = "pg-\${var.gen}"
  switch_id = nssv_distributed_switch.extra.id
  vlan_id   = 200
}

resource "nssv_storage_pool" "extra" {
  name       = "pool-\${var.gen}"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}

resource "nssv_volume" "extra" {
  name     = "vol-\${var.gen}"
  pool_id  = nssv_storage_pool.extra.id
  size_gib = 1
}

resource "nssv_vm" "extra" {
  name       = "vm-\${var.gen}"
  cluster_id = nssv_cluster.sandbox.id
  memory_mib = 64
  disk {
    volume_id = nssv_volume.extra.id
  }
  nic {
    port_group_id = nssv_port_group.extra.id
  }
}
`;

  beforeAll(async () => {
    env = await startSandbox('tfp', ['examples/quickstart/main.tf']);
    const mirror = mkdtempSync(join(tmpdir(), 'nssv-tfp-mirror-'));
    const installed = await nssv(['provider', 'install', '--dir', mirror], repo);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toBe(`export TF_CLI_CONFIG_FILE=${join(mirror, 'terraform.rc')}`);
    tfEnv = {
      TF_CLI_CONFIG_FILE: join(mirror, 'terraform.rc'),
      TF_IN_AUTOMATION: '1',
      TF_LOG: 'trace',
      TF_LOG_PATH: logFile,
      // Any attempt to reach a registry fails: init must work from the mirror alone.
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      CHECKPOINT_DISABLE: '1',
    };
  });

  afterAll(async () => {
    await env?.down();
  });

  test('GIVEN the offline mirror WHEN terraform init THEN nssv/nssv installs from it', async () => {
    const r = await tf(['init', '-input=false']);
    expect(r.out).toContain('- Installing nssv/nssv v0.1.0...');
    expect(r.out).toContain('Terraform has been successfully initialized!');
    expect(r.code).toBe(0);
  });

  test('GIVEN unpinned VMs WHEN terraform plan twice THEN each shows the same host, chosen at plan time', async () => {
    const hostsOf = (out: string) =>
      [...out.matchAll(/# nssv_vm\.(\w+) will be created[\s\S]*?\+ host_id\s+= "(h\d)"/g)].map(
        (m) => `${m[1]}=${m[2]}`,
      );
    const first = await tf(['plan', '-input=false']);
    expect(first.out).toContain('Plan: 11 to add, 0 to change, 0 to destroy.');
    expect(hostsOf(first.out)).toHaveLength(2);
    const second = await tf(['plan', '-input=false']);
    expect(hostsOf(second.out)).toEqual(hostsOf(first.out));
  });

  test('GIVEN the quickstart WHEN terraform apply THEN the guests run and a plan shows no changes', async () => {
    await applyClean();
    for (const vm of ['web1', 'web2'])
      expect(await virsh(await whereIs(vm), ['domstate', vm])).toBe('running');
  });

  test('GIVEN more memory WHEN applied THEN the VMs change in place and keep their domain UUID', async () => {
    const h = await whereIs('web1');
    const uuid = await virsh(h, ['domuuid', 'web1']);
    const out = await applyClean(['-var', 'vm_memory_mib=192']);
    expect(out).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');
    expect(await virsh(h, ['domuuid', 'web1'])).toBe(uuid);
    expect(await virsh(h, ['dominfo', 'web1'])).toMatch(/Max memory:\s+196608 KiB/);
  });

  test('GIVEN a renamed object of every type WHEN applied THEN each is replaced, saying which attribute forces it', async () => {
    writeFileSync(join(env.configDir, 'extra.tf'), EXTRA);
    const vars = ['-var', 'vm_memory_mib=192'];
    await applyClean([...vars, '-var', 'gen=a']);
    const plan = await tf(['plan', '-input=false', ...vars, '-var', 'gen=b']);
    for (const type of [
      'datacenter',
      'cluster',
      'distributed_switch',
      'port_group',
      'storage_pool',
      'volume',
      'vm',
    ]) {
      expect(plan.out).toContain(`# nssv_${type}.extra must be replaced`);
    }
    expect(plan.out).toMatch(/~ name\s+= "vm-a" -> "vm-b" # forces replacement/);
    expect(plan.out).toContain('Plan: 7 to add, 0 to change, 7 to destroy.');
    await applyClean([...vars, '-var', 'gen=b']);
    const h = await whereIs('vm-b');
    expect(await virsh(h, ['domstate', 'vm-b'])).toBe('running');
    expect((await virsh(h, ['list', '--all', '--name'])).split('\n')).not.toContain('vm-a');
    expect(await vsctl('h1', ['br-exists', 'sw-b']).then(() => 'yes')).toBe('yes');
    await expect(vsctl('h1', ['br-exists', 'sw-a'])).rejects.toThrow();
  });

  test('GIVEN changes made on the hosts WHEN terraform plan THEN it sees them, and apply restores', async () => {
    const vars = ['-var', 'vm_memory_mib=192', '-var', 'gen=b'];
    const h2 = await whereIs('web2');
    await virsh(h2, ['destroy', 'web2']);
    const h1 = await whereIs('web1');
    await virsh(h1, ['destroy', 'web1']);
    await virsh(h1, ['undefine', 'web1']);
    await vsctl('h1', ['del-br', 'sw-b']);
    const plan = await tf(['plan', '-detailed-exitcode', '-input=false', ...vars]);
    expect(plan.code).toBe(2);
    expect(plan.out).toMatch(/~ power_state\s+= "shutoff" -> "running"/);
    expect(plan.out).toContain('# nssv_vm.web1 will be created');
    expect(plan.out).toMatch(/# nssv_distributed_switch\.extra will be updated in-place[\s\S]*?~ host_ids/);
    await applyClean(vars);
    expect(await virsh(h2, ['domstate', 'web2'])).toBe('running');
    expect(await virsh(await whereIs('web1'), ['domstate', 'web1'])).toBe('running');
    expect(await vsctl('h1', ['br-exists', 'sw-b']).then(() => 'yes')).toBe('yes');
  });

  test('GIVEN only a tap deleted with ovs-vsctl del-port WHEN terraform plan THEN its switch shows drift', async () => {
    const vars = ['-var', 'vm_memory_mib=192', '-var', 'gen=b'];
    const hb = await whereIs('vm-b');
    const tap = (await virsh(hb, ['domiflist', 'vm-b'])).match(/\b(vnet\d+)\b/)![1]!;
    const vmbId = await virsh(hb, ['domid', 'vm-b']);
    expect(await vsctl(hb, ['port-to-br', tap])).toBe('sw-b');
    await vsctl(hb, ['del-port', tap]);
    const plan = await tf(['plan', '-detailed-exitcode', '-input=false', ...vars]);
    expect(plan.code).toBe(2);
    expect(plan.out).toMatch(/# nssv_distributed_switch\.extra will be updated in-place[\s\S]*?~ host_ids/);
    expect(plan.out).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    await applyClean(vars);
    // The same tap is back on the switch; the guest never stopped.
    expect(await vsctl(hb, ['port-to-br', tap])).toBe('sw-b');
    expect(await virsh(hb, ['domid', 'vm-b'])).toBe(vmbId);
  });

  test('GIVEN a VM Terraform forgot WHEN terraform import by its name THEN the next plan has no changes', async () => {
    const vars = ['-var', 'vm_memory_mib=192', '-var', 'gen=b'];
    expect((await tf(['state', 'rm', 'nssv_vm.web1'])).code).toBe(0);
    const imported = await tf(['import', '-input=false', ...vars, 'nssv_vm.web1', 'web1']);
    expect(imported.out).toContain('Import successful!');
    const plan = await tf(['plan', '-detailed-exitcode', '-input=false', ...vars]);
    expect(plan.out).toContain('No changes.');
    expect(plan.code).toBe(0);
    const missing = await tf(['import', '-input=false', ...vars, 'nssv_vm.nope', 'nope']);
    expect(missing.code).toBe(1);
  });

  test("GIVEN Terraform's state WHEN nssv state import-terraform THEN nssv plan of the same directory has no changes", async () => {
    const vars = ['-var', 'vm_memory_mib=192', '-var', 'gen=b'];
    // Straight to a 0600 file, not into `outputs`: a state holds the hosts' tokens.
    const pulled = await execa('terraform', ['state', 'pull'], {
      cwd: env.configDir,
      env: tfEnv,
      stdin: 'ignore',
    });
    const file = join(mkdtempSync(join(tmpdir(), 'nssv-tfp-state-')), 'terraform.tfstate');
    writeFileSync(file, pulled.stdout, { mode: 0o600 });
    const imported = await nssv(['state', 'import-terraform', file], env.configDir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      new RegExp(
        `^Imported 18 instance\\(s\\) from ${file}: the state in .* is now serial \\d+ \\(lineage [0-9a-f-]{36}\\)\\.$`,
      ),
    );
    const again = await nssv(['state', 'import-terraform', file], env.configDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds 18 instance(s)');
    const plan = await nssv(['plan', '-detailed-exitcode', ...vars], env.configDir);
    expect(plan.stdout).toBe('No changes. Your infrastructure matches the configuration.');
    expect(plan.code).toBe(0);
    const list = await nssv(['state', 'list'], env.configDir);
    expect(list.stdout.split('\n')).toContain('nssv_vm.web1');
  });

  test("GIVEN data sources WHEN applied THEN they read the provider's hosts and an agent's inventory", async () => {
    const vars = ['-var', 'vm_memory_mib=192', '-var', 'gen=b'];
    writeFileSync(
      join(env.configDir, 'data.tf'),
      `
data "nssv_cluster" "sandbox" {
  name = "sandbox"
}

data "nssv_host" "h1" {
  name = "h1"
}

data "nssv_host_inventory" "vm_b" {
  host = nssv_vm.extra.host_id
}

output "cluster_hosts" {
  value = data.nssv_cluster.sandbox.host_ids
}

output "h1_domain_type" {
  value = data.nssv_host.h1.domain_type
}

output "vm_b_host_domains" {
  value = [for d in data.nssv_host_inventory.vm_b.domains : d.name]
}
`,
    );
    await applyClean(vars);
    const out = JSON.parse((await tf(['output', '-json'])).out) as Record<string, { value: unknown }>;
    expect(out.cluster_hosts!.value).toEqual(['h1', 'h2']);
    expect(['kvm', 'qemu']).toContain(out.h1_domain_type!.value);
    expect(out.vm_b_host_domains!.value).toContain('vm-b');
    expect(await virsh(await whereIs('vm-b'), ['list', '--all', '--name'])).toContain('vm-b');
  });

  test('GIVEN everything applied WHEN terraform destroy THEN nothing is left on the hosts', async () => {
    const r = await tf([
      'destroy',
      '-auto-approve',
      '-input=false',
      '-var',
      'vm_memory_mib=192',
      '-var',
      'gen=b',
    ]);
    expect(r.out).toContain('Destroy complete! Resources: 18 destroyed.');
    for (const h of ['h1', 'h2']) {
      expect(await virsh(h, ['list', '--all', '--name'])).toBe('');
      // br-phy is the sandbox host's own underlay bridge, not nssv's.
      expect(await vsctl(h, ['list-br'])).toBe('br-phy');
    }
  });

  test('GIVEN the whole session WHEN its outputs and the trace log are searched THEN no agent token is there', () => {
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('[nssv-provider] configured with hosts h1, h2');
    for (const h of env.sandbox.hosts) {
      expect(h.token.length).toBeGreaterThan(16);
      for (const out of outputs) expect(out).not.toContain(h.token);
      expect(log).not.toContain(h.token);
    }
  });
});
