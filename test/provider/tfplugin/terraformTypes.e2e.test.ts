/**
 * The resource types the quick-start suite (terraform.e2e.test.ts) does not cover, driven by the
 * real `terraform` through the nssv provider against a two-host sandbox with Ceph: security groups
 * (with a VM NIC in one, so they are compiled into flows), host groups, scheduling groups, image
 * storages and images, rbd pools, rbd volumes and their snapshots. For each: init from the offline
 * mirror, plan, apply, an in-place update (a snapshot's revert: the data written after it is gone),
 * a replace, drift made on the hosts (flows deleted, an image's record removed, Ceph pool settings
 * changed, an RBD image and its snapshots removed, one snapshot removed) seen by `terraform plan`,
 * `terraform import`, destroy; after every apply `terraform plan -detailed-exitcode` exits 0. Host
 * and scheduling groups exist only in the state (nothing on a host to drift). An HA VM (ha_enabled,
 * on an rbd volume) is created, changed in place and replaced like any VM.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import { CEPH_TOOLS } from '../../../sandbox/ceph/tools.js';
import { run } from '../../../sandbox/exec.js';
import {
  hostOvsOfctl,
  hostVirsh,
  sandboxCeph,
  sandboxUp,
  type SandboxHostInfo,
} from '../../../sandbox/index.js';
import { startSandbox, type E2eSandbox } from '../../e2e/support.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../../helpers/e2e.js';
import { expectTerraformSucceeded, terraform, terraformEnv } from '../../helpers/terraform.js';

jest.setTimeout(900_000);

/** The plan `terraform plan -out` saves in the configuration directory for the next apply. */
const PLAN_FILE = 'tfplan';

const NEEDS = {
  ...SANDBOX_WITH_AGENTS,
  tools: [...(SANDBOX_WITH_AGENTS.tools ?? []), ...Object.keys(CEPH_TOOLS), 'terraform'],
};

const CONFIG = `
variable "gen" {
  type    = string
  default = "a"
}
variable "port" {
  type    = number
  default = 22
}
variable "group_hosts" {
  type    = list(string)
  default = ["h1"]
}
variable "mode" {
  type    = string
  default = "mandatory"
}
variable "note" {
  type    = string
  default = ""
}
variable "qos" {
  type    = string
  default = "slow"
}
variable "size_gib" {
  type    = number
  default = 1
}
variable "ha_mib" {
  type    = number
  default = 64
}
variable "revert" {
  type    = number
  default = 0
}
variable "image_file" {
  type = string
}

resource "nssv_security_group" "web" {
  name          = "sg-\${var.gen}"
  datacenter_id = nssv_datacenter.sandbox.id
  rule {
    direction = "ingress"
    protocol  = "tcp"
    port_from = var.port
    cidr      = "10.0.0.0/8"
  }
}

resource "nssv_host_group" "rack" {
  name       = "hg-\${var.gen}"
  cluster_id = nssv_cluster.sandbox.id
  host_ids   = var.group_hosts
}

resource "nssv_scheduling_group" "pin" {
  name          = "sched-\${var.gen}"
  cluster_id    = nssv_cluster.sandbox.id
  policy        = "vm-host-affinity"
  mode          = var.mode
  host_group_id = nssv_host_group.rack.id
}

resource "nssv_image_storage" "lib" {
  name          = "lib-\${var.gen}"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_id    = nssv_cluster.sandbox.id
}

resource "nssv_image" "base" {
  name             = "img-\${var.gen}"
  image_storage_id = nssv_image_storage.lib.id
  source           = var.image_file
  format           = "qcow2"
  description      = var.note
}

resource "nssv_storage_pool" "ceph" {
  name         = "ceph-\${var.gen}"
  kind         = "rbd"
  cluster_id   = nssv_cluster.sandbox.id
  replicas     = 2
  recovery_qos = var.qos
}

resource "nssv_volume" "data" {
  name     = "data-\${var.gen}"
  pool_id  = nssv_storage_pool.ceph.id
  size_gib = var.size_gib
  format   = "raw"
}

resource "nssv_volume_snapshot" "data" {
  name          = "snap-\${var.gen}"
  volume_id     = nssv_volume.data.id
  description   = var.note
  revert_serial = var.revert
}

resource "nssv_volume" "boot" {
  name     = "boot-\${var.gen}"
  pool_id  = nssv_storage_pool.ceph.id
  size_gib = 1
  format   = "raw"
}

resource "nssv_vm" "ha" {
  name       = "ha-\${var.gen}"
  cluster_id = nssv_cluster.sandbox.id
  memory_mib = var.ha_mib
  ha_enabled = true
  disk {
    volume_id = nssv_volume.boot.id
  }
}

resource "nssv_distributed_switch" "lan" {
  name          = "lan-\${var.gen}"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
}

resource "nssv_port_group" "web" {
  name      = "web-\${var.gen}"
  switch_id = nssv_distributed_switch.lan.id
  vlan_id   = 100
}

resource "nssv_vm" "app" {
  name                = "app-\${var.gen}"
  cluster_id          = nssv_cluster.sandbox.id
  host_id             = "h1"
  memory_mib          = 64
  scheduling_group_id = nssv_scheduling_group.pin.id
  nic {
    port_group_id      = nssv_port_group.web.id
    security_group_ids = [nssv_security_group.web.id]
  }
}
`;

/** The types of CONFIG (13 resources; sandbox.tf adds a data center, a cluster and two hosts). */
const OURS = [
  'security_group',
  'host_group',
  'scheduling_group',
  'image_storage',
  'image',
  'storage_pool',
  'volume',
  'volume_snapshot',
  'distributed_switch',
  'port_group',
  'vm',
];

describeE2e('terraform with the nssv provider: every other resource type', NEEDS, () => {
  let env: E2eSandbox;
  let tfEnv: Record<string, string>;
  let work = '';
  let vars: Record<string, string> = {};
  const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
  const virsh = async (h: string, args: string[]) => (await hostVirsh(host(h), args)).stdout.trim();
  const ceph = async (args: string[]) => (await sandboxCeph(env.sandbox, args)).stdout;
  const rbd = async (args: string[]): Promise<string> => {
    const c = env.sandbox.ceph!;
    return (await run('ip', ['netns', 'exec', c.netns, 'rbd', '-c', c.conf, ...args])).stdout;
  };
  /**
   * An nssv rbd pool in Ceph: live, retired (deleted while its rbd trash holds volumes: kept for
   * them, without its nssv address) or gone.
   */
  const poolState = async (pool: string): Promise<'live' | 'retired' | 'gone'> => {
    const name = `nssv.${pool}`;
    if (!(JSON.parse(await ceph(['osd', 'pool', 'ls', '--format', 'json'])) as string[]).includes(name))
      return 'gone';
    const meta = (
      JSON.parse(await ceph(['osd', 'pool', 'application', 'get', name, '--format', 'json'])) as {
        rbd: Record<string, string>;
      }
    ).rbd;
    return meta['nssv.address'] === undefined && meta['nssv.retired'] !== undefined ? 'retired' : 'live';
  };
  const trashedIn = async (pool: string): Promise<string[]> =>
    (JSON.parse(await rbd(['trash', 'ls', `nssv.${pool}`, '--format', 'json'])) as { name: string }[])
      .map((e) => e.name)
      .sort();
  const whereIs = async (vm: string): Promise<string> => {
    for (const h of ['h1', 'h2']) if ((await virsh(h, ['list', '--name'])).split('\n').includes(vm)) return h;
    throw new Error(`${vm} runs on no host`);
  };
  const varArgs = () => Object.entries(vars).flatMap(([k, v]) => ['-var', `${k}=${v}`]);
  const tf = (args: string[]) => terraform(args, env.configDir, tfEnv);
  const plan = () => tf(['plan', '-detailed-exitcode', '-input=false', ...varArgs()]);
  /**
   * `plan` saved to PLAN_FILE, which applySavedPlan applies as planned: no second refresh and
   * plan, as a plain `terraform apply` would make (that one is covered by terraform.e2e.test.ts).
   */
  const savedPlan = () =>
    tf(['plan', '-detailed-exitcode', '-input=false', `-out=${PLAN_FILE}`, ...varArgs()]);

  /** Applies the plan savedPlan wrote (it holds the variables: a saved plan takes no -var); the next plan is empty. */
  async function applySavedPlan(): Promise<string> {
    const r = await tf(['apply', '-input=false', PLAN_FILE]);
    expectTerraformSucceeded(r, 'Apply complete!');
    const again = await plan();
    expect(again.out).toContain('No changes.');
    expect(again.code).toBe(0);
    return r.out;
  }

  beforeAll(async () => {
    tfEnv = await terraformEnv();
    env = await startSandbox('tft', [], { hosts: 2, ceph: true });
    work = mkdtempSync(join(tmpdir(), 'nssv-tft-img-'));
    const image = join(work, 'base.qcow2');
    await execa('qemu-img', ['create', '-q', '-f', 'qcow2', image, '64M']);
    writeFileSync(join(env.configDir, 'main.tf'), CONFIG);
    vars = { image_file: image };
  });

  afterAll(async () => {
    await env?.down();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('GIVEN the offline mirror WHEN init, plan and apply THEN every type is created, the next plan has no changes', async () => {
    const init = await tf(['init', '-input=false']);
    expect(init.out).toContain('Terraform has been successfully initialized!');
    const p = await savedPlan();
    for (const t of OURS) expect(p.out).toContain(`# nssv_${t}.`);
    expect(p.out).toContain('Plan: 17 to add, 0 to change, 0 to destroy.');
    await applySavedPlan();
    expect(await virsh('h1', ['domstate', 'app-a'])).toBe('running');
    expect(JSON.parse(await rbd(['info', 'nssv.ceph-a/data-a', '--format', 'json']))).toMatchObject({
      size: 1024 ** 3,
    });
    const flows = (await hostOvsOfctl(host('h1'), 'dump-flows', 'lan-a', [], { reject: true })).stdout;
    expect(flows).toContain('tp_dst=22');
    expect(await rbd(['snap', 'ls', 'nssv.ceph-a/data-a'])).toContain('snap-a');
    expect(await virsh(await whereIs('ha-a'), ['domstate', 'ha-a'])).toBe('running');
  });

  test('GIVEN data written after a snapshot WHEN revert_serial is raised THEN the volume is back at the snapshot', async () => {
    const changed = async () =>
      JSON.parse(
        await rbd(['diff', '--from-snap', 'snap-a', 'nssv.ceph-a/data-a', '--format', 'json']),
      ) as unknown[];
    await rbd([
      'bench',
      '--io-type',
      'write',
      '--io-size',
      '4096',
      '--io-total',
      '4096',
      'nssv.ceph-a/data-a',
    ]);
    expect((await changed()).length).toBeGreaterThan(0);
    vars = { ...vars, revert: '1' };
    const p = await savedPlan();
    expect(p.out).toMatch(
      /# nssv_volume_snapshot\.data will be updated in-place[\s\S]*?~ revert_serial\s+= 0 -> 1/,
    );
    expect(p.out).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    await applySavedPlan();
    expect(await changed()).toEqual([]);
  });

  test('GIVEN new values WHEN applied THEN each type changes in place', async () => {
    const uuid = await virsh('h1', ['domuuid', 'app-a']);
    const haHost = await whereIs('ha-a');
    const haUuid = await virsh(haHost, ['domuuid', 'ha-a']);
    vars = {
      ...vars,
      port: '2222',
      group_hosts: '["h1","h2"]',
      mode: 'preferred',
      note: 'v2',
      qos: 'fast',
      size_gib: '2',
      ha_mib: '96',
    };
    const p = await savedPlan();
    expect(p.code).toBe(2);
    for (const t of [
      'security_group',
      'host_group',
      'scheduling_group',
      'image',
      'storage_pool',
      'volume',
      'volume_snapshot',
      'vm',
    ])
      expect(p.out).toContain(`# nssv_${t}.`);
    expect(p.out).toMatch(
      /# nssv_volume_snapshot\.data will be updated in-place[\s\S]*?\+ description\s+= "v2"/,
    );
    expect(p.out).toMatch(/# nssv_vm\.ha will be updated in-place[\s\S]*?~ memory_mib\s+= 64 -> 96/);
    expect(p.out).toContain('Plan: 0 to add, 8 to change, 0 to destroy.');
    await applySavedPlan();
    expect(await virsh('h1', ['domuuid', 'app-a'])).toBe(uuid);
    expect(await virsh(haHost, ['domuuid', 'ha-a'])).toBe(haUuid);
    expect(await virsh(haHost, ['dominfo', 'ha-a'])).toMatch(/Max memory:\s+98304 KiB/);
    const flows = (await hostOvsOfctl(host('h1'), 'dump-flows', 'lan-a', [], { reject: true })).stdout;
    expect(flows).toContain('tp_dst=2222');
    expect(flows).not.toContain('tp_dst=22,');
    expect(JSON.parse(await rbd(['info', 'nssv.ceph-a/data-a', '--format', 'json']))).toMatchObject({
      size: 2 * 1024 ** 3,
    });
  });

  test("GIVEN the HA VM's host agent killed WHEN terraform plan THEN it fails naming the host and that failover is nssv's; back THEN no changes", async () => {
    const lost = await whereIs('ha-a');
    const agentd = host(lost).pids.filter((p) => p.role === 'agentd');
    expect(agentd).toHaveLength(1);
    process.kill(agentd[0]!.pid, 'SIGKILL');
    const p = await plan();
    expect(p.code).toBe(1);
    const out = p.out.replace(/\s+/g, ' ');
    expect(out).toContain('Error: NSSV_AGENT_UNREACHABLE: ');
    expect(out).toContain(`Check that agentd runs on host ${lost} `);
    expect(out).toContain("restarting HA VMs (ha_enabled) of a failed host elsewhere is nssv plan/apply's");
    await sandboxUp({ root: env.root, hosts: 2 });
    const back = await plan();
    expect(back.out).toContain('No changes.');
    expect(back.code).toBe(0);
  });

  test('GIVEN changes made on the hosts WHEN terraform plan THEN it sees them, and apply restores', async () => {
    await hostOvsOfctl(host('h1'), 'del-flows', 'lan-a', [], { reject: true });
    await ceph(['osd', 'pool', 'set', 'nssv.ceph-a', 'recovery_priority', '-5']);
    await rbd(['snap', 'purge', 'nssv.ceph-a/data-a']);
    await rbd(['rm', 'nssv.ceph-a/data-a']);
    rmSync(join(host('h2').storageRoot, '.images', 'lib-a', '.nssv', 'images', 'img-a.json'));
    const p = await savedPlan();
    expect(p.code).toBe(2);
    expect(p.out).toMatch(/# nssv_security_group\.web will be updated in-place[\s\S]*?~ host_ids/);
    expect(p.out).toMatch(
      /# nssv_storage_pool\.ceph will be updated in-place[\s\S]*?~ recovery_qos\s+= "custom \(recovery_priority -5, recovery_op_priority 10\)" -> "fast"/,
    );
    expect(p.out).toContain('# nssv_volume.data will be created');
    expect(p.out).toContain('# nssv_volume_snapshot.data will be created');
    expect(p.out).toMatch(/# nssv_image\.base will be updated in-place[\s\S]*?~ host_ids/);
    await applySavedPlan();
    expect(JSON.parse(await rbd(['info', 'nssv.ceph-a/data-a', '--format', 'json']))).toMatchObject({
      size: 2 * 1024 ** 3,
    });
    expect(await rbd(['snap', 'ls', 'nssv.ceph-a/data-a'])).toContain('snap-a');
  });

  test('GIVEN only a snapshot removed with the rbd CLI WHEN terraform plan THEN it will be created again, and is', async () => {
    await rbd(['snap', 'rm', 'nssv.ceph-a/data-a@snap-a']);
    const p = await savedPlan();
    expect(p.code).toBe(2);
    expect(p.out).toContain('# nssv_volume_snapshot.data will be created');
    expect(p.out).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    await applySavedPlan();
    expect(await rbd(['snap', 'ls', 'nssv.ceph-a/data-a'])).toContain('snap-a');
  });

  test('GIVEN objects Terraform forgot WHEN terraform import by name THEN the next apply has nothing to do on the hosts', async () => {
    const ids: Record<string, string> = {
      'nssv_image_storage.lib': 'lib-a',
      'nssv_image.base': 'img-a',
      'nssv_storage_pool.ceph': 'ceph-a',
      'nssv_volume.data': 'h1/data-a',
      'nssv_volume_snapshot.data': 'h1/snap-a',
      'nssv_host_group.rack': 'hg-a',
      'nssv_scheduling_group.pin': 'sched-a',
    };
    for (const [address, id] of Object.entries(ids)) {
      expect((await tf(['state', 'rm', address])).code).toBe(0);
      const r = await tf(['import', '-input=false', ...varArgs(), address, id]);
      expect(r.out).toContain('Import successful!');
    }
    // Ceph reports all of a pool and a volume; what no host records (an image's description, a
    // storage's data center, a host group's hosts) comes from configuration as an in-place update.
    const p = await savedPlan();
    expect(p.out).not.toContain('must be replaced');
    expect(p.out).not.toContain('will be created');
    expect(p.out).not.toMatch(/# nssv_(storage_pool|volume)\./);
    expect(p.out).toMatch(/# nssv_image\.base will be updated in-place[\s\S]*?\+ description\s+= "v2"/);
    expect(p.out).toMatch(/# nssv_host_group\.rack will be updated in-place[\s\S]*?\+ host_ids/);
    // An import cannot know revert_serial (a counter kept in the state): it is recorded, not a revert.
    expect(p.out).toMatch(
      /# nssv_volume_snapshot\.data will be updated in-place[\s\S]*?description\s+= "v2"[\s\S]*?\+ revert_serial\s+= 1/,
    );
    await rbd([
      'bench',
      '--io-type',
      'write',
      '--io-size',
      '4096',
      '--io-total',
      '4096',
      'nssv.ceph-a/data-a',
    ]);
    await applySavedPlan();
    expect(
      (
        JSON.parse(
          await rbd(['diff', '--from-snap', 'snap-a', 'nssv.ceph-a/data-a', '--format', 'json']),
        ) as unknown[]
      ).length,
    ).toBeGreaterThan(0);
  });

  test('GIVEN a new generation of names WHEN applied THEN every type is replaced, saying which attribute forces it', async () => {
    vars = { ...vars, gen: 'b' };
    const p = await savedPlan();
    for (const t of OURS) expect(p.out).toContain(`# nssv_${t}.`);
    expect(p.out).toMatch(/~ name\s+= "sg-a" -> "sg-b" # forces replacement/);
    expect(p.out).toContain('Plan: 13 to add, 0 to change, 13 to destroy.');
    await applySavedPlan();
    expect(await virsh('h1', ['domstate', 'app-b'])).toBe('running');
    expect(await virsh(await whereIs('ha-b'), ['domstate', 'ha-b'])).toBe('running');
    expect(await virsh('h1', ['list', '--all', '--name'])).not.toContain('app-a');
    // The volumes of generation a wait in their pool's rbd trash, which keeps the Ceph pool.
    expect(await poolState('ceph-a')).toBe('retired');
    expect(await trashedIn('ceph-a')).toEqual(['boot-a', 'data-a']);
    expect(await poolState('ceph-b')).toBe('live');
    expect(JSON.parse(await rbd(['info', 'nssv.ceph-b/data-b', '--format', 'json']))).toMatchObject({
      size: 2 * 1024 ** 3,
    });
  });

  test('GIVEN everything applied WHEN terraform destroy THEN nothing of it is left on the hosts or in Ceph', async () => {
    const r = await tf(['destroy', '-auto-approve', '-input=false', ...varArgs()]);
    expect(r.out).toContain('Destroy complete! Resources: 17 destroyed.');
    for (const h of ['h1', 'h2']) expect(await virsh(h, ['list', '--all', '--name'])).toBe('');
    expect(await poolState('ceph-b')).toBe('retired');
    expect(await trashedIn('ceph-b')).toEqual(['boot-b', 'data-b']);
  });
});
