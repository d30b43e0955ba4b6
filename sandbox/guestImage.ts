/**
 * The sandbox's guest image (scripts/build-guest-image.sh): a small Debian with cloud-init,
 * built once per machine and cached under /var/cache/nssv/images. `sandbox up --emit` builds it
 * when it is not cached yet and declares it in sandbox.tf (nssv_image.sandbox).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './agent.js';
import { errors } from './errors.js';

export interface GuestImage {
  path: string;
  sha256: string;
}

export const BUILD_SCRIPT = path.join('scripts', 'build-guest-image.sh');

/** The cached image, built first if needed (minutes the first time; the script's progress goes to stderr). */
export function ensureGuestImage(progress: (line: string) => void): GuestImage {
  const script = path.join(repoRoot(), BUILD_SCRIPT);
  const argv = ['bash', script];
  progress('guest image: checking the cache (building it the first time takes a few minutes)');
  const result = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw errors.missingTool('bash');
  if (result.status !== 0) throw errors.toolFailed(argv, result.status ?? undefined, result.stderr ?? '');
  const image = result.stdout.trim().split('\n').pop() ?? '';
  const sha256 = readFileSync(`${image}.sha256`, 'utf8').trim();
  if (!path.isAbsolute(image) || !/^[0-9a-f]{64}$/.test(sha256)) {
    throw errors.toolFailed(argv, 0, `unexpected output: ${result.stdout.slice(0, 500)}`);
  }
  progress(`guest image: ${image}`);
  return { path: image, sha256 };
}
