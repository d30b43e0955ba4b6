import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandIn, type StandIn } from '../../../../bench/standinAgent.js';
import { execa } from 'execa';
import { nssv, repo } from '../../../e2e/support.js';

/**
 * `nssv apply --json` against a stand-in agent (agentd's HTTP layer over an in-memory host): the
 * exact sequence of Terraform-style UI messages, one JSON object per line on stdout.
 */
let agent: StandIn;
let dir: string;

function config(endpoint: string, token: string, memoryMib: number): string {
  return `
resource "nssv_datacenter" "dc" { name = "dc" }
resource "nssv_cluster" "c" {
  name          = "c"
  datacenter_id = nssv_datacenter.dc.id
}
resource "nssv_host" "h1" {
  name       = "h1"
  cluster_id = nssv_cluster.c.id
  endpoint   = "${endpoint}"
  token      = "${token}"
}
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.c.id
}
resource "nssv_volume" "root" {
  name     = "root"
  pool_id  = nssv_storage_pool.local.id
  size_gib = 1
}
resource "nssv_vm" "web" {
  name       = "web"
  cluster_id = nssv_cluster.c.id
  vcpus      = 1
  memory_mib = ${memoryMib}
  disk { volume_id = nssv_volume.root.id }
}
`;
}

type Line = Record<string, unknown> & { type: string; '@message': string; '@timestamp': string };

function lines(stdout: string): Line[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);
}

beforeAll(async () => {
  agent = await startStandIn('h1');
  dir = mkdtempSync(join(tmpdir(), 'nssv-json-ui-'));
});

afterAll(async () => {
  await agent.close();
  rmSync(dir, { recursive: true, force: true });
});

test('GIVEN a new configuration WHEN nssv apply --json THEN stdout is version, planned changes, the plan summary, start/complete per step and the apply summary', async () => {
  writeFileSync(join(dir, 'main.tf'), config(agent.endpoint, agent.token, 128));
  const r = await nssv(['apply', '--json', '-auto-approve', '-parallelism=1', '--config', dir], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const out = lines(r.stdout);
  for (const l of out) {
    expect(l['@module']).toBe('nssv.ui');
    expect(l['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  }
  expect(
    out.map((l) => `${l.type}: ${l['@message'].replace(/after \d+s \[id=.*\]$/, 'after Ns [id]')}`),
  ).toEqual([
    'version: nssv 0.1.0',
    'planned_change: nssv_cluster.c: Plan to create',
    'planned_change: nssv_datacenter.dc: Plan to create',
    'planned_change: nssv_host.h1: Plan to create',
    'planned_change: nssv_storage_pool.local: Plan to create',
    'planned_change: nssv_vm.web: Plan to create',
    'planned_change: nssv_volume.root: Plan to create',
    'change_summary: Plan: 6 to add, 0 to change, 0 to destroy.',
    'apply_start: nssv_datacenter.dc: Creating...',
    'apply_complete: nssv_datacenter.dc: Creation complete after Ns [id]',
    'apply_start: nssv_cluster.c: Creating...',
    'apply_complete: nssv_cluster.c: Creation complete after Ns [id]',
    'apply_start: nssv_host.h1: Creating...',
    'apply_complete: nssv_host.h1: Creation complete after Ns [id]',
    'apply_start: nssv_storage_pool.local: Creating...',
    'apply_complete: nssv_storage_pool.local: Creation complete after Ns [id]',
    'apply_start: nssv_volume.root: Creating...',
    'apply_complete: nssv_volume.root: Creation complete after Ns [id]',
    'apply_start: nssv_vm.web: Creating...',
    'apply_complete: nssv_vm.web: Creation complete after Ns [id]',
    'change_summary: Apply complete! Resources: 6 added, 0 changed, 0 destroyed.',
  ]);
  const vmDone = out.find((l) => l.type === 'apply_complete' && l['@message'].startsWith('nssv_vm.web'))!;
  expect(vmDone.hook).toEqual({
    resource: {
      addr: 'nssv_vm.web',
      module: '',
      resource: 'nssv_vm.web',
      implied_provider: 'nssv',
      resource_type: 'nssv_vm',
      resource_name: 'web',
      resource_key: null,
    },
    action: 'create',
    hosts: ['h1'],
    id_key: 'id',
    id_value: expect.any(String),
    elapsed_seconds: expect.any(Number),
  });
  expect(out.at(-1)!.changes).toEqual({ add: 6, change: 0, remove: 0, import: 0, operation: 'apply' });
});

test('GIVEN more memory WHEN nssv apply --json THEN one update step is started and completed, then "No changes." on the next apply', async () => {
  writeFileSync(join(dir, 'main.tf'), config(agent.endpoint, agent.token, 256));
  const r = await nssv(['apply', '--json', '-auto-approve', '--config', dir], dir);
  expect(r.code).toBe(0);
  expect(
    lines(r.stdout).map((l) => `${l.type}: ${l['@message'].replace(/after \d+s.*$/, 'after Ns')}`),
  ).toEqual([
    'version: nssv 0.1.0',
    'planned_change: nssv_vm.web: Plan to update',
    'change_summary: Plan: 0 to add, 1 to change, 0 to destroy.',
    'apply_start: nssv_vm.web: Modifying...',
    'apply_complete: nssv_vm.web: Modifications complete after Ns',
    'change_summary: Apply complete! Resources: 0 added, 1 changed, 0 destroyed.',
  ]);
  const again = await nssv(['apply', '--json', '-auto-approve', '--config', dir], dir);
  expect(lines(again.stdout).map((l) => `${l.type}: ${l['@message']}`)).toEqual([
    'version: nssv 0.1.0',
    'change_summary: Plan: 0 to add, 0 to change, 0 to destroy.',
    'change_summary: Apply complete! Resources: 0 added, 0 changed, 0 destroyed.',
  ]);
});

test('GIVEN an agent that refuses the token WHEN nssv apply --json THEN the errors are diagnostic lines and the exit code is 1', async () => {
  writeFileSync(join(dir, 'main.tf'), config(agent.endpoint, 'not-the-right-token-at-all', 256));
  const r = await nssv(['apply', '--json', '-auto-approve', '--config', dir], dir);
  expect(r.code).toBe(1);
  const out = lines(r.stdout);
  expect(out[0]!.type).toBe('version');
  expect(out.slice(1).map((l) => l.type)).toEqual(out.slice(1).map(() => 'diagnostic'));
  expect(out.length).toBeGreaterThan(1);
  expect(out[1]!['@level']).toBe('error');
});

test('GIVEN a pseudo-terminal WHEN nssv apply runs in it THEN stderr shows the live view (running steps, counts) and the duration summary', async () => {
  writeFileSync(join(dir, 'main.tf'), config(agent.endpoint, agent.token, 512));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), TERM: 'xterm-256color' };
  delete env.CI;
  // script(1) runs the CLI on a new pseudo-terminal, so stderr.isTTY is true as in a user's shell
  const cli = `stty rows 30 cols 120; '${process.execPath}' '${join(repo, 'bin/nssv.cjs')}' apply -auto-approve --config '${dir}'`;
  const r = await execa('script', ['-qec', cli, '/dev/null'], {
    env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  });
  expect(r.exitCode).toBe(0);
  // eslint-disable-next-line no-control-regex
  const screen = r.stdout.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  expect(screen).toMatch(/nssv_vm\.web +modifying on h1 +\d+\.\ds/);
  expect(screen).toMatch(/Applying: 0\/1 done, 1 running, 0 left {2}\[\d+\.\ds\]/);
  expect(screen).toMatch(/nssv_vm\.web: Modifications complete after \d+(\.\d)?s \[id=web\]/);
  expect(screen).toMatch(/1 of 1 step ran in \d+\.\ds: 1 done, 0 failed\./);
  expect(screen).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
  // the terminal got in-place redraws, not a log
  expect(r.stdout).toContain('\u001b[2K');
});
