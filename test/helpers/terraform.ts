/**
 * The real `terraform` with the nssv provider from an offline mirror (`nssv provider install`),
 * for end-to-end tests: registries are unreachable on purpose, so init works from the mirror alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { nssv, repo } from '../e2e/support.js';

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
  return { code: r.exitCode ?? -1, out: r.all ?? '' };
}
