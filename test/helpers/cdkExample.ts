/**
 * Runs examples/cdk-datacenter the way a user does (plain node, no CDK CLI: TypeScript transpiled by
 * bench/register.mjs) and writes the HCL example next to a sandbox.tf for the same hosts.
 */
import { execa } from 'execa';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSandboxTf, type EmittedHost } from '../../sandbox/emitTf.js';

export const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const STACK = 'datacenter';

/** Synthesizes the CDK example for these hosts; returns the stack directory (cdktf.out/stacks/datacenter). */
export async function synthCdkExample(hosts: readonly EmittedHost[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-cdk-example-'));
  writeFileSync(join(dir, 'hosts.json'), JSON.stringify(hosts), { mode: 0o600 });
  const outdir = join(dir, 'cdktf.out');
  const r = await execa(
    process.execPath,
    ['--import', join(repo, 'bench/register.mjs'), join(repo, 'examples/cdk-datacenter/main.ts')],
    {
      // Not the example's own directory: cdktn's default local backend puts the Terraform state
      // in the working directory, and it holds the hosts' tokens.
      cwd: dir,
      env: { NSSV_HOSTS: join(dir, 'hosts.json'), CDKTF_OUTDIR: outdir, ...env },
      reject: false,
    },
  );
  if (r.exitCode !== 0) throw new Error(`synth of examples/cdk-datacenter failed:\n${r.stderr}`);
  return join(outdir, 'stacks', STACK);
}

/** A directory holding examples/hcl-datacenter/main.tf and a sandbox.tf declaring these hosts. */
export function hclExample(hosts: readonly EmittedHost[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-hcl-example-'));
  copyFileSync(join(repo, 'examples/hcl-datacenter/main.tf'), join(dir, 'main.tf'));
  writeFileSync(join(dir, 'sandbox.tf'), renderSandboxTf(hosts, '(test)'), { mode: 0o600 });
  return dir;
}
