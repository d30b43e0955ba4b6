/**
 * Both front doors on real daemons: examples/cdk-datacenter synthesized with plain node and
 * examples/hcl-datacenter plan the same resource changes against a two-host sandbox; the CDK stack
 * directory is applied with `nssv apply --config cdktf.out/stacks/datacenter`, the guests exist in
 * libvirt, and the next plan is empty. Then the same stack directory goes through the real
 * `terraform` and the nssv provider: init from the offline mirror, apply, an empty
 * `plan -detailed-exitcode`, destroy.
 */
import { jest } from '@jest/globals';
import { hostVirsh } from '../../sandbox/index.js';
import { hclExample, synthCdkExample } from '../helpers/cdkExample.js';
import { terraform, terraformEnv } from '../helpers/terraform.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(900_000);

let env: E2eSandbox;
let stackDir: string;
let hclDir: string;

/** The plan's resource changes and summary (`nssv plan --json`). */
function changes(planJson: string): { changes: unknown[]; summary: unknown } {
  const plan = JSON.parse(planJson) as { changes: unknown[]; summary: unknown };
  return { changes: plan.changes, summary: plan.summary };
}

beforeAll(async () => {
  env = await startSandbox('cdk');
  const hosts = env.sandbox.hosts.map((h) => ({
    name: h.name,
    endpoint: h.endpoint!,
    token: h.token,
    ...(h.tlsDir === undefined ? {} : { tlsDir: h.tlsDir }),
  }));
  stackDir = await synthCdkExample(hosts);
  hclDir = hclExample(hosts);
});
afterAll(async () => {
  if (stackDir) await nssv(['destroy', '-auto-approve', '--config', stackDir], stackDir);
  await env?.down();
});

test('GIVEN the CDK and the HCL example WHEN planned with -json THEN the resource changes are identical', async () => {
  const cdk = await nssv(['plan', '--json', '--config', stackDir], stackDir);
  const hcl = await nssv(['plan', '--json', '--config', hclDir], hclDir);
  expect(cdk.code).toBe(0);
  expect(hcl.code).toBe(0);
  const c = changes(cdk.stdout);
  expect(c.summary).toEqual({ add: 14, change: 0, destroy: 0 });
  expect(c).toEqual(changes(hcl.stdout));
});

test('GIVEN the synthesized CDK stack WHEN applied with nssv apply THEN the guests run and the next plan is empty', async () => {
  const apply = await nssv(['apply', '-auto-approve', '--config', stackDir], stackDir);
  expect(apply.stderr).not.toMatch(/Error/);
  expect(apply.stdout).toContain('Apply complete! Resources: 14 added, 0 changed, 0 destroyed.');
  const domains: string[] = [];
  for (const h of env.sandbox.hosts)
    domains.push(...(await hostVirsh(h, ['list', '--all', '--name'])).stdout.split('\n').filter(Boolean));
  expect(domains.sort()).toEqual(['db1', 'web1', 'web2']);
  const plan = await nssv(['plan', '-detailed-exitcode', '--config', stackDir], stackDir);
  expect(plan.stdout).toBe('No changes. Your infrastructure matches the configuration.');
  expect(plan.code).toBe(0);
});

async function domains(): Promise<string[]> {
  const out: string[] = [];
  for (const h of env.sandbox.hosts)
    out.push(...(await hostVirsh(h, ['list', '--all', '--name'])).stdout.split('\n').filter(Boolean));
  return out.sort();
}

test('GIVEN the same stack directory WHEN terraform init, apply, plan and destroy through the provider THEN the guests run, the replan is empty and nothing is left', async () => {
  const destroyed = await nssv(['destroy', '-auto-approve', '--config', stackDir], stackDir);
  expect(destroyed.code).toBe(0);
  expect(await domains()).toEqual([]);
  const tfEnv = await terraformEnv();
  const outs: string[] = [];
  const tf = async (args: string[]) => {
    const r = await terraform(args, stackDir, tfEnv);
    outs.push(r.out);
    return r;
  };
  const init = await tf(['init', '-input=false']);
  expect(init.out).toContain('- Installing nssv/nssv v0.1.0...');
  expect(init.code).toBe(0);
  const apply = await tf(['apply', '-auto-approve', '-input=false']);
  expect(apply.out).toContain('Apply complete! Resources: 14 added, 0 changed, 0 destroyed.');
  expect(apply.code).toBe(0);
  expect(await domains()).toEqual(['db1', 'web1', 'web2']);
  const plan = await tf(['plan', '-detailed-exitcode', '-input=false']);
  expect(plan.out).toContain('No changes.');
  expect(plan.code).toBe(0);
  const gone = await tf(['destroy', '-auto-approve', '-input=false']);
  expect(gone.out).toContain('Destroy complete! Resources: 14 destroyed.');
  expect(gone.code).toBe(0);
  expect(await domains()).toEqual([]);
  for (const h of env.sandbox.hosts) for (const o of outs) expect(o).not.toContain(h.token);
});
