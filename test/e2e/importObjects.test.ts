/**
 * Import, discover and state rebuild on real daemons: objects a first nssv apply made from another state directory are taken
 * over by a second state — by import blocks whose configuration nssv writes itself
 * (plan -generate-config-out, checked with terraform fmt), and by `nssv import ADDRESS ID` plus
 * import blocks with for_each. Nothing on the hosts changes (same domain UUIDs, same inventory)
 * and the plan after each apply is empty.
 */
import { jest } from '@jest/globals';
import { execa } from 'execa';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentClient } from '../../provider/agent/client.js';
import { hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(600_000);

const imp = (to: string, id: string): string => `import {\n  to = ${to}\n  id = "${id}"\n}\n`;

/** Everything the quick start made, by the addresses of its own configuration. */
const IMPORTS = [
  imp('nssv_distributed_switch.lan', 'lan'),
  imp('nssv_port_group.web', 'web'),
  imp('nssv_storage_pool.local', 'local'),
  imp('nssv_volume.web1_root', 'web1-root'),
  imp('nssv_volume.web2_root', 'web2-root'),
  imp('nssv_vm.web1', 'web1'),
  imp('nssv_vm.web2', 'web2'),
].join('');

/** The quick start's objects, declared with for_each. */
const KEYED = `
resource "nssv_distributed_switch" "lan" {
  name          = "lan"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_ids   = [nssv_cluster.sandbox.id]
}

resource "nssv_port_group" "web" {
  name      = "web"
  switch_id = nssv_distributed_switch.lan.id
  vlan_id   = 100
}

resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}

resource "nssv_volume" "root" {
  for_each = toset(["web1", "web2"])
  name     = "\${each.key}-root"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
}

resource "nssv_vm" "vm" {
  for_each   = toset(["web1", "web2"])
  name       = each.key
  cluster_id = nssv_cluster.sandbox.id
  memory_mib = 128

  disk {
    volume_id = nssv_volume.root[each.key].id
  }

  nic {
    port_group_id = nssv_port_group.web.id
  }
}
`;

const KEYED_IMPORTS = `
import {
  for_each = toset(["web1", "web2"])
  to       = nssv_volume.root[each.key]
  id       = "\${each.key}-root"
}

import {
  to = nssv_vm.vm["web2"]
  id = "web2"
}
${imp('nssv_distributed_switch.lan', 'lan')}${imp('nssv_port_group.web', 'web')}${imp('nssv_storage_pool.local', 'local')}`;

describeE2e('import on a two-host sandbox', SANDBOX_WITH_AGENTS, () => {
  let env: E2eSandbox;
  const host = (name: string): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === name)!;
  const uuids = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const h of ['h1', 'h2'])
      for (const vm of ['web1', 'web2']) {
        const r = await hostVirsh(host(h), ['domuuid', vm]).catch(() => undefined);
        if (r) out.push(`${vm}@${h}=${r.stdout.trim()}`);
      }
    return out.sort();
  };
  /** What the agents report, without free space (which moves on its own). */
  const inventories = async (): Promise<string> => {
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
  };
  const stateDir = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-i13im-state-'));
    copyFileSync(join(env.configDir, 'sandbox.tf'), join(dir, 'sandbox.tf'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  let before: { uuids: string[]; inventory: string };

  beforeAll(async () => {
    env = await startSandbox('i13im', ['examples/quickstart/main.tf']);
    const applied = await nssv(['apply', '-auto-approve'], env.configDir);
    if (applied.code !== 0) throw new Error(applied.stderr);
    before = { uuids: await uuids(), inventory: await inventories() };
    expect(before.uuids).toHaveLength(2);
  });
  afterAll(async () => {
    await env?.down();
  });

  test('GIVEN an import block into an instance key and no resource block WHEN plan -generate-config-out THEN it is refused', async () => {
    const dir = stateDir({ 'imports.tf': imp('nssv_vm.vm["web1"]', 'web1') });
    const plan = await nssv(['plan', '-generate-config-out=generated.tf'], dir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain(
      'Error: cannot generate configuration for nssv_vm.vm["web1"]: only root-module resources without count or for_each get generated blocks',
    );
    const plain = await nssv(['plan'], dir);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain(
      'Error: imports.tf:1:1: Configuration for import target does not exist: nssv_vm.vm["web1"]',
    );
  });

  test('GIVEN import blocks and no resource blocks WHEN plan -generate-config-out THEN fmt-clean HCL is written, apply imports everything unchanged and the replan is empty', async () => {
    const dir = stateDir({ 'imports.tf': IMPORTS });
    const plan = await nssv(['plan', '-generate-config-out=generated.tf'], dir);
    expect(plan.stderr).toContain(
      `Wrote the configuration of the imported objects to ${join(dir, 'generated.tf')}`,
    );
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('  # nssv_vm.web1 will be imported\n    resource "nssv_vm" "web1" {\n');
    expect(plan.stdout).toContain('Plan: 7 to import, 4 to add, 0 to change, 0 to destroy.');
    const generated = readFileSync(join(dir, 'generated.tf'), 'utf8');
    expect(generated).toContain(
      '# __generated__ by nssv from "lan"\nresource "nssv_distributed_switch" "lan" {\n  name          = "lan"\n  datacenter_id = "sandbox"\n  cluster_ids   = ["sandbox"]\n}\n',
    );
    const fmt = await execa('terraform', ['fmt', '-check', '-diff', 'generated.tf'], {
      cwd: dir,
      reject: false,
    });
    expect({ code: fmt.exitCode, diff: fmt.stdout }).toEqual({ code: 0, diff: '' });
    // generating again is refused: nssv never overwrites configuration
    const again = await nssv(['plan', '-generate-config-out=generated.tf'], dir);
    expect(again.code).toBe(0); // every target has a resource block now: nothing to generate
    expect(readFileSync(join(dir, 'generated.tf'), 'utf8')).toBe(generated);

    const applied = await nssv(['apply', '-auto-approve'], dir);
    expect(applied.stdout).toContain(
      'Apply complete! Resources: 7 imported, 4 added, 0 changed, 0 destroyed.',
    );
    expect(applied.code).toBe(0);
    const replan = await nssv(['plan', '-detailed-exitcode'], dir);
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);
    expect(await uuids()).toEqual(before.uuids);
    expect(await inventories()).toBe(before.inventory);
    const shown = await nssv(['state', 'show', 'nssv_vm.web1'], dir);
    const uuid = before.uuids.find((u) => u.startsWith('web1@'))!.split('=')[1]!;
    expect(shown.stdout).toMatch(new RegExp(`\\n    uuid += "${uuid}"\\n`));
  });

  test('GIVEN resources with for_each WHEN nssv import, then import blocks with for_each THEN the state takes the objects over unchanged and the replan is empty', async () => {
    const dir = stateDir({ 'main.tf': KEYED });
    const imported = await nssv(['import', 'nssv_vm.vm["web1"]', 'web1'], dir);
    expect(imported.stdout).toContain('Import successful!');
    expect(imported.code).toBe(0);
    expect((await nssv(['state', 'list'], dir)).stdout).toBe('nssv_vm.vm["web1"]');

    const twice = await nssv(['import', 'nssv_vm.vm["web1"]', 'web1'], dir);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('Error: Resource already managed by nssv: nssv_vm.vm["web1"]');
    const h = before.uuids
      .find((u) => u.startsWith('web2@'))!
      .split('@')[1]!
      .split('=')[0]!;
    const other = h === 'h1' ? 'h2' : 'h1';
    const wrongHost = await nssv(['import', 'nssv_vm.vm["web2"]', `${other}/web2`], dir);
    expect(wrongHost.code).toBe(1);
    expect(wrongHost.stderr).toContain(
      `Error: cannot import nssv_vm.vm["web2"] from "${other}/web2": no host has a domain "web2"`,
    );
    const unknownHost = await nssv(['import', 'nssv_vm.vm["web2"]', 'h9/web2'], dir);
    expect(unknownHost.stderr).toContain(
      'Error: cannot import nssv_vm.vm["web2"] from "h9/web2": no host "h9" in the configuration\'s hosts',
    );

    writeFileSync(join(dir, 'imports.tf'), KEYED_IMPORTS);
    const plan = await nssv(['plan'], dir);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('  # nssv_volume.root["web2"] will be imported\n');
    expect(plan.stdout).toContain('Plan: 6 to import, 4 to add, 0 to change, 0 to destroy.');
    const applied = await nssv(['apply', '-auto-approve'], dir);
    expect(applied.stdout).toContain(
      'Apply complete! Resources: 6 imported, 4 added, 0 changed, 0 destroyed.',
    );
    const replan = await nssv(['plan', '-detailed-exitcode'], dir);
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);
    expect(await uuids()).toEqual(before.uuids);
    expect(await inventories()).toBe(before.inventory);
  });

  test('GIVEN a state that manages nothing WHEN nssv discover -out, plan -generate-config-out and apply THEN everything is adopted unchanged and discover finds nothing more', async () => {
    const dir = stateDir({});
    const listed = await nssv(['discover'], dir);
    expect(listed.code).toBe(0);
    const web1Host = before.uuids
      .find((u) => u.startsWith('web1@'))!
      .split('@')[1]!
      .split('=')[0]!;
    expect(listed.stdout).toContain(
      `# domain "web1" on ${web1Host} (recorded as nssv_vm.web1)\nimport {\n  to = nssv_vm.web1\n  id = "${web1Host}/web1"\n}\n`,
    );
    expect(listed.stdout).toContain(
      '# nssv discover: 7 object(s) on the hosts that this state does not manage.',
    );
    const json = JSON.parse((await nssv(['discover', '--json'], dir)).stdout) as Array<{ type: string }>;
    expect(json.map((o) => o.type).sort()).toEqual([
      'nssv_distributed_switch',
      'nssv_port_group',
      'nssv_storage_pool',
      'nssv_vm',
      'nssv_vm',
      'nssv_volume',
      'nssv_volume',
    ]);
    expect((await nssv(['discover', '-out', 'imports.tf'], dir)).stdout).toBe(
      `Wrote 7 import block(s) to ${join(dir, 'imports.tf')}.`,
    );
    const plan = await nssv(['plan', '-generate-config-out=generated.tf'], dir);
    expect(plan.stdout).toContain('Plan: 7 to import, 4 to add, 0 to change, 0 to destroy.');
    const fmt = await execa('terraform', ['fmt', '-check', '-diff', '.'], { cwd: dir, reject: false });
    expect({ code: fmt.exitCode, diff: fmt.stdout }).toEqual({ code: 0, diff: '' });
    expect((await nssv(['apply', '-auto-approve'], dir)).code).toBe(0);
    const replan = await nssv(['plan', '-detailed-exitcode'], dir);
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);
    expect((await nssv(['discover'], dir)).stdout).toContain(
      '# nssv discover: 0 object(s) on the hosts that this state does not manage.',
    );
    expect(await uuids()).toEqual(before.uuids);
    expect(await inventories()).toBe(before.inventory);
  });

  test('GIVEN the state file of the first apply is deleted WHEN nssv state rebuild THEN every instance is found again, reported, and the replan is empty', async () => {
    rmSync(join(env.configDir, 'nssv.tfstate'));
    rmSync(join(env.configDir, 'nssv.tfstate.backup'), { force: true });
    const web1Host = before.uuids
      .find((u) => u.startsWith('web1@'))!
      .split('@')[1]!
      .split('=')[0]!;
    // without a state, the plan would create what exists: it refuses, naming what is there
    const lost = await nssv(['plan'], env.configDir);
    expect(lost.code).toBe(1);
    expect(lost.stderr).toContain(`domain "web1" on ${web1Host}, managed as nssv_vm.web1`);
    const rebuilt = await nssv(['state', 'rebuild'], env.configDir);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain(
      `Rebuilt the state in ${join(env.configDir, 'nssv.tfstate')}: 11 instance(s).`,
    );
    expect(rebuilt.stdout).toContain(`  nssv_vm.web1 <- ${web1Host}/web1 on ${web1Host}\n`);
    expect(rebuilt.stdout).toContain(
      'From the configuration (4): nssv_datacenter.sandbox, nssv_cluster.sandbox, nssv_host.h1, nssv_host.h2\nNot found on any host (0): none\n',
    );
    const replan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);
    const again = await nssv(['state', 'rebuild'], env.configDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('nssv state rebuild only fills an empty (lost) state');
    expect(await uuids()).toEqual(before.uuids);
  });
});
