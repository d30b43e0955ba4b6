import { execa } from 'execa';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxDown, sandboxUp, type SandboxUpResult } from '../../sandbox/index.js';
import { recordFailedCommand } from '../helpers/commandLog.js';

export const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Runs the built CLI the way a user does; never throws, returns exit code and output. */
export async function nssv(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = await execa(process.execPath, [join(repo, 'bin/nssv.cjs'), ...args], {
    cwd,
    reject: false,
    env: { CI: 'true', ...env },
    stdin: 'ignore',
  });
  const code = r.exitCode ?? -1;
  if (code !== 0) recordFailedCommand(['nssv', ...args], code, r.stderr);
  return { code, stdout: r.stdout, stderr: r.stderr };
}

export interface E2eSandbox {
  sandbox: SandboxUpResult;
  configDir: string;
  root: string;
  down(): Promise<void>;
}

/**
 * How long the agents of a suite without the guest image wait for a VM to power off after ACPI
 * shutdown before destroying it. Such VMs boot no OS and ignore ACPI, so every stop waits all of
 * it; the default (3 s, kept for suites that declare the guest image) would be spent on each one.
 * rbdImages.test.ts boots the image from an rbd clone without declaring it: none of its
 * assertions depends on whether its VM is shut down or destroyed when it is deleted.
 */
const NO_GUEST_SHUTDOWN_TIMEOUT_MS = 500;

/** A private sandbox (own root and namespace prefix; two hosts by default) with a config dir holding sandbox.tf. */
export async function startSandbox(
  prefix: string,
  exampleFiles: string[] = [],
  /** guestImage: declare (and import) the sandbox guest image, as `nssv sandbox up --emit` does; only suites that boot it need it. */
  opts: { hosts?: number; ceph?: boolean; guestImage?: boolean } = {},
): Promise<E2eSandbox> {
  const root = mkdtempSync(join(tmpdir(), `nssv-${prefix}-`));
  const configDir = mkdtempSync(join(tmpdir(), `nssv-${prefix}-cfg-`));
  for (const f of exampleFiles) copyFileSync(join(repo, f), join(configDir, f.split('/').pop()!));
  const name = `${prefix}${process.pid % 10000}`;
  const sandbox = await sandboxUp({
    root,
    name,
    hosts: opts.hosts ?? 2,
    emitDir: configDir,
    ceph: opts.ceph ?? false,
    guestImage: opts.guestImage ?? false,
    ...(opts.guestImage === true ? {} : { agentShutdownTimeoutMs: NO_GUEST_SHUTDOWN_TIMEOUT_MS }),
  });
  // down() also removes the config dir: its sandbox.tf holds the hosts' agent tokens.
  const down = async () => {
    await sandboxDown({ root });
    rmSync(configDir, { recursive: true, force: true });
  };
  return { sandbox, configDir, root, down };
}
