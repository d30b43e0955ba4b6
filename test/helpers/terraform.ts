/**
 * The real `terraform` with the nssv provider from an offline mirror (`nssv provider install`),
 * for end-to-end tests: registries are unreachable on purpose, so init works from the mirror alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { nssv, repo } from '../e2e/support.js';
import { recordFailedCommand } from './commandLog.js';

export interface TerraformRun {
  code: number;
  out: string;
}

/** Installs the built provider into a fresh mirror; the environment that makes terraform use it. */
export async function terraformEnv(): Promise<Record<string, string>> {
  const version = await execa('terraform', ['version'], { reject: false });
  if (version.exitCode !== 0)
    throw new Error('`terraform` is not on PATH: these tests need the real Terraform (1.11)');
  const mirror = mkdtempSync(join(tmpdir(), 'nssv-tf-mirror-'));
  const installed = await nssv(['provider', 'install', '--dir', mirror], repo);
  if (installed.code !== 0) throw new Error(`nssv provider install failed:\n${installed.stderr}`);
  return {
    TF_CLI_CONFIG_FILE: join(mirror, 'terraform.rc'),
    TF_IN_AUTOMATION: '1',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    CHECKPOINT_DISABLE: '1',
  };
}

/** Runs terraform ARGS -no-color in DIR; never throws. */
export async function terraform(
  args: string[],
  dir: string,
  env: Record<string, string>,
): Promise<TerraformRun> {
  const r = await execa('terraform', [...args, '-no-color'], {
    cwd: dir,
    reject: false,
    env,
    stdin: 'ignore',
    all: true,
  });
  const code = r.exitCode ?? -1;
  if (code !== 0) recordFailedCommand(['terraform', ...args], code, r.all ?? '');
  return { code, out: r.all ?? '' };
}

/**
 * What a failed terraform run said, errors first: its "Error:" blocks (terraform prints them last),
 * else its last 40 lines. A CI summary that shortens a long message keeps its start.
 */
export function terraformErrors(out: string): string {
  const at = out.search(/^(│ )?Error: /m);
  return at >= 0 ? out.slice(at) : out.split('\n').slice(-40).join('\n');
}

/** Fails, with terraformErrors first, unless RUN says OUTCOME (e.g. "Apply complete!") and exited 0. */
export function expectTerraformSucceeded(run: TerraformRun, outcome: string): void {
  if (run.code === 0 && run.out.includes(outcome)) return;
  throw new Error(
    `terraform exited ${run.code} without "${outcome}"; its errors:\n${terraformErrors(run.out)}\n\nits whole output:\n${run.out}`,
  );
}
