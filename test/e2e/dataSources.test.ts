/**
 * Data sources in nssv's own plan, on a two-host sandbox: data "nssv_host", "nssv_cluster",
 * "nssv_host_inventory" and "nssv_image" are read from the agents before planning, so resources
 * (for_each included) and outputs use what exists on the hosts: here an image applied earlier
 * and a pool's presence on a host. The replan after apply is empty; a data block matching
 * nothing fails the plan at its line, naming what exists; a lost state is rebuilt with the
 * data blocks read, and the replan is empty.
 */
import { jest } from '@jest/globals';
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(600_000);

const base = (imageFile: string): string => `
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}
resource "nssv_image_storage" "lib" {
  name          = "lib"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_id    = nssv_cluster.sandbox.id
}
resource "nssv_image" "base" {
  name             = "base"
  image_storage_id = nssv_image_storage.lib.id
  source           = "${imageFile}"
  format           = "qcow2"
}
`;

const DATA = `
data "nssv_host" "h1" {
  name = "h1"
}
data "nssv_cluster" "sandbox" {
  name = "sandbox"
}
data "nssv_host_inventory" "h2" {
  host = "h2"
}
data "nssv_image" "base" {
  name = "base"
}
# one volume per dir pool found on h2, cloned from the image found by name
resource "nssv_volume" "from_image" {
  for_each        = toset([for p in data.nssv_host_inventory.h2.pools : p.name])
  name            = "from-image-\${each.key}"
  pool_id         = each.key
  host_id         = "h2"
  size_gib        = data.nssv_host.h1.cpus > 0 ? 1 : 2
  source_image_id = data.nssv_image.base.id
}
output "cluster_hosts" {
  value = data.nssv_cluster.sandbox.host_ids
}
output "image_sha256" {
  value = data.nssv_image.base.sha256
}
output "h1_memory_mib" {
  value = data.nssv_host.h1.memory_mib
}
`;

describeE2e('data sources in nssv plan, on a two-host sandbox', SANDBOX_WITH_AGENTS, () => {
  let env: E2eSandbox;
  let imageFile: string;

  beforeAll(async () => {
    env = await startSandbox('i13ds');
    imageFile = join(env.root, 'base.qcow2');
    await execa('qemu-img', ['create', '-q', '-f', 'qcow2', imageFile, '64M']);
    writeFileSync(join(env.configDir, 'base.tf'), base(imageFile));
    const applied = await nssv(['apply', '-auto-approve'], env.configDir);
    if (applied.code !== 0) throw new Error(applied.stderr);
  });

  afterAll(async () => {
    await env?.down();
    // the sandbox's root is left by down(): remove it (it holds this suite's files)
    if (env) rmSync(env.root, { recursive: true, force: true });
  });

  test('GIVEN data blocks over applied objects WHEN plan and apply THEN resources and outputs use what the agents read, and the replan is empty', async () => {
    const dir = env.configDir;
    writeFileSync(join(dir, 'data.tf'), DATA);
    const plan = await nssv(['plan'], dir);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('# nssv_volume.from_image["local"] will be created');
    expect(plan.stdout).toMatch(/\+ source_image_id\s+= "base"/);
    expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');

    const apply = await nssv(['apply', '-auto-approve'], dir);
    expect(apply.code).toBe(0);
    expect(apply.stderr).toContain('nssv_volume.from_image["local"]: Creation complete');
    const replan = await nssv(['plan', '-detailed-exitcode'], dir);
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);

    const out = await nssv(['output', '-json'], dir);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('cluster_hosts');
    const outputs = JSON.parse(out.stdout) as Record<string, { value: unknown }>;
    expect(outputs.cluster_hosts!.value).toEqual(['h1', 'h2']);
    expect(outputs.image_sha256!.value).toBe(
      createHash('sha256').update(readFileSync(imageFile)).digest('hex'),
    );
    expect(outputs.h1_memory_mib!.value).toEqual(expect.any(Number));
    expect(outputs.h1_memory_mib!.value as number).toBeGreaterThan(0);
  });

  test('GIVEN a data block that matches nothing WHEN plan THEN it fails at the block, naming what exists, and reads nothing else', async () => {
    const dir = env.configDir;
    writeFileSync(join(dir, 'missing.tf'), 'data "nssv_image" "gone" {\n  name = "gone"\n}\n');
    const plan = await nssv(['plan'], dir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('missing.tf:2:10');
    expect(plan.stderr).toContain('no image "gone" among the configured hosts');
    expect(plan.stderr).toContain('Known: base.');
  });

  test('GIVEN the state is lost WHEN nssv state rebuild THEN instances whose for_each comes from a data block are found again, and the replan is empty', async () => {
    const dir = env.configDir;
    rmSync(join(dir, 'missing.tf'), { force: true });
    rmSync(join(dir, 'nssv.tfstate'));
    rmSync(join(dir, 'nssv.tfstate.backup'), { force: true });
    const rebuilt = await nssv(['state', 'rebuild'], dir);
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain('  nssv_volume.from_image["local"] <- h2/from-image-local on h2\n');
    const replan = await nssv(['plan', '-detailed-exitcode'], dir);
    expect(replan.stderr).toBe('');
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);
  });
});
