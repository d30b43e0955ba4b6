import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../packageRoot.js';

export const PROVIDER_SOURCE = 'registry.terraform.io/nssv/nssv';

/** Terraform's name for this platform: linux_amd64, linux_arm64, darwin_arm64, … */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const a = arch === 'x64' ? 'amd64' : arch === 'ia32' ? '386' : arch;
  return `${platform}_${a}`;
}

function repoRoot(): string {
  const root = packageRoot();
  if (root === undefined) throw new Error('bug: cannot find the nssv package root');
  return root;
}

export interface InstalledMirror {
  version: string;
  executable: string;
  cliConfig: string;
}

function writeAtomic(file: string, text: string, mode: number): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}

/** The CLI configuration that makes Terraform take nssv/nssv from the mirror and nothing else from it. */
export function renderCliConfig(mirrorDir: string): string {
  const path = JSON.stringify(mirrorDir);
  return [
    '# Written by `nssv provider install`: Terraform takes nssv/nssv from the filesystem mirror',
    '# below (no network needed) and every other provider from its registry as usual.',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${path}`,
    `    include = ["${PROVIDER_SOURCE}"]`,
    '  }',
    '  direct {',
    `    exclude = ["${PROVIDER_SOURCE}"]`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * Writes an unpacked filesystem mirror, DIR/registry.terraform.io/nssv/nssv/VERSION/OS_ARCH/
 * terraform-provider-nssv_vVERSION (a launcher running this installation's provider with this
 * Node), and DIR/terraform.rc using it. Running it again rewrites both in place.
 */
export function installMirror(dir: string): InstalledMirror {
  const root = repoRoot();
  const mirror = resolve(dir);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const bundle = join(root, 'dist', 'tfplugin', 'launch.cjs');
  if (!existsSync(bundle))
    throw new Error(`the provider is not built (${bundle} is missing): run npm run build`);
  const target = join(mirror, PROVIDER_SOURCE, version, terraformPlatform());
  mkdirSync(target, { recursive: true });
  const executable = join(target, `terraform-provider-nssv_v${version}`);
  writeAtomic(
    executable,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bundle)} "$@"\n`,
    0o755,
  );
  const cliConfig = join(mirror, 'terraform.rc');
  writeAtomic(cliConfig, renderCliConfig(mirror), 0o644);
  return { version, executable, cliConfig };
}
