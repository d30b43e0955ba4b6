/**
 * Persistent private mount namespaces, one per simulated host, kept alive by an nsfs bind mount
 * at <root>/mnt/<host>. Inside it, per-host directories replace /etc/libvirt, /run/libvirt, ...
 * and /sys shows the host's network namespace, so libvirtd and OVS see only their own host.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { run } from './exec.js';
import { netnsPath } from './netns.js';

/** Bind <dir> on itself with private propagation: required before persistent mount namespaces live in it. */
export async function prepareMountNsDir(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (!isMountPoint(dir)) await run('mount', ['--bind', dir, dir]);
  await run('mount', ['--make-private', dir]);
}

export async function createMountNs(file: string, netns: string): Promise<void> {
  if (!existsSync(file)) writeFileSync(file, '');
  await run('unshare', [`--mount=${file}`, '--propagation', 'private', 'true']);
  // sysfs mounted from inside the network namespace lists that namespace's interfaces.
  await run('nsenter', [
    `--mount=${file}`,
    `--net=${netnsPath(netns)}`,
    'mount',
    '-t',
    'sysfs',
    '-o',
    'nosuid,nodev,noexec',
    'sysfs',
    '/sys',
  ]);
}

export async function bindInMountNs(file: string, source: string, target: string): Promise<void> {
  mkdirSync(target, { recursive: true });
  await run('nsenter', [`--mount=${file}`, 'mount', '--bind', source, target]);
}

/** The namespace id processes inside report (readlink /proc/<pid>/ns/mnt). */
export function mountNsId(file: string): string | undefined {
  try {
    const st = statSync(file);
    return isMountPoint(file) ? `mnt:[${st.ino}]` : undefined;
  } catch {
    return undefined;
  }
}

export async function unmount(target: string): Promise<void> {
  if (!isMountPoint(target)) return;
  await run('umount', [target]);
}

/** Mount points of the root mount namespace (from /proc/self/mountinfo, octal escapes decoded). */
export function mountPoints(): string[] {
  const text = readFileSync('/proc/self/mountinfo', 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) =>
      (line.split(' ')[4] ?? '').replace(/\\([0-7]{3})/g, (_, o: string) =>
        String.fromCharCode(parseInt(o, 8)),
      ),
    );
}

export function isMountPoint(target: string): boolean {
  return mountPoints().includes(target);
}

export function mountsUnder(dir: string): string[] {
  return mountPoints().filter((m) => m === dir || m.startsWith(dir + '/'));
}
