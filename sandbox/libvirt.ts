/**
 * One libvirtd (+ virtlogd) per simulated host, each under `tini -s` (a child subreaper, so
 * destroyed guests are reaped at once) inside the host's mount and network namespaces.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errors } from './errors.js';
import { succeeds } from './exec.js';
import { netnsPath } from './netns.js';
import type { HostPaths } from './paths.js';
import { childrenOf, isAlive, recordOf, spawnDetached, waitFor, type ProcessRecord } from './processes.js';

export const QEMU_CONF = `# Written by nssv sandbox. Guests run as root without cgroup controllers, so same-named
# domains on two simulated hosts never collide; no per-guest mount namespace, so guests stay in
# the host's mount namespace (where down finds them).
user = "root"
group = "root"
swtpm_user = "root"
swtpm_group = "root"
cgroup_controllers = [ ]
namespaces = [ ]
`;

export const LIBVIRTD_CONF = `# Written by nssv sandbox. Only root can open the sockets (mode 0700); no polkit here.
unix_sock_group = "root"
unix_sock_ro_perms = "0700"
unix_sock_rw_perms = "0700"
auth_unix_ro = "none"
auth_unix_rw = "none"
log_outputs = "3:file:/var/log/libvirt/libvirtd.log"
`;

export const VIRTLOGD_CONF = `# Written by nssv sandbox.
log_outputs = "3:file:/var/log/libvirt/virtlogd.log"
`;

export function writeLibvirtConfig(p: HostPaths): void {
  for (const dir of Object.values(p.libvirt)) mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(p.libvirt.etc, 'qemu.conf'), QEMU_CONF);
  writeFileSync(path.join(p.libvirt.etc, 'libvirtd.conf'), LIBVIRTD_CONF);
  writeFileSync(path.join(p.libvirt.etc, 'virtlogd.conf'), VIRTLOGD_CONF);
}

const xmlFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xml')) : [];

export const capsCacheReady = (cacheDir: string): boolean => xmlFiles(cacheDir).length > 0;

/** Seed a new host's QEMU capabilities cache (skips the probe; libvirt re-probes if it is stale). */
export function seedCapsCache(cacheDir: string, p: HostPaths): boolean {
  if (!capsCacheReady(cacheDir)) return false;
  mkdirSync(p.capsDir, { recursive: true });
  for (const f of xmlFiles(cacheDir)) cpSync(path.join(cacheDir, f), path.join(p.capsDir, f));
  return true;
}

/** Keep a host's finished capabilities cache for the next hosts and sandboxes. */
export function saveCapsCache(p: HostPaths, cacheDir: string): void {
  const files = xmlFiles(p.capsDir);
  if (files.length === 0) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const f of files) {
      // Copy then rename: a sandbox starting at the same time never reads half a file.
      const tmp = path.join(cacheDir, `.${f}.${process.pid}.tmp`);
      cpSync(path.join(p.capsDir, f), tmp);
      renameSync(tmp, path.join(cacheDir, f));
    }
  } catch {
    // only an optimisation
  }
}

function spawnInHost(p: HostPaths, netns: string, role: string, argv: string[]): ProcessRecord {
  return spawnDetached(
    role,
    'nsenter',
    [`--mount=${p.mountNsFile}`, `--net=${netnsPath(netns)}`, 'tini', '-s', '--', ...argv],
    { logFile: path.join(p.logDir, `${role}.log`) },
  );
}

/** Make libvirtd probe QEMU now (it does so lazily, on the first guest otherwise; ~1 s). */
export const probeQemuCaps = (uri: string): Promise<boolean> =>
  succeeds('virsh', ['-c', uri, 'domcapabilities', '--virttype', 'qemu', '--arch', 'x86_64'], 60_000);

export const libvirtReachable = (uri: string): Promise<boolean> =>
  succeeds('virsh', ['-c', uri, '-q', 'list', '--all'], 5_000);

/** The daemon tini runs (its child), recorded as well so status can report it. */
async function daemonUnderTini(tini: ProcessRecord, role: string): Promise<ProcessRecord | undefined> {
  let child: number | undefined;
  await waitFor(
    () => {
      child = childrenOf(tini.pid)[0];
      return child !== undefined || !isAlive(tini);
    },
    2_000,
    20,
  );
  return child === undefined ? undefined : recordOf(role, child);
}

export async function startLibvirt(
  p: HostPaths,
  netns: string,
  timeoutMs: number,
  onStarted: (rec: ProcessRecord) => void,
): Promise<void> {
  await startVirtlogd(p, netns, timeoutMs, onStarted);
  await startLibvirtd(p, netns, timeoutMs, onStarted);
}

/** virtlogd under tini; records 'tini(virtlogd)' and 'virtlogd'. */
export async function startVirtlogd(
  p: HostPaths,
  netns: string,
  timeoutMs: number,
  onStarted: (rec: ProcessRecord) => void,
): Promise<void> {
  mkdirSync(p.logDir, { recursive: true });
  const logdTini = spawnInHost(p, netns, 'virtlogd', ['virtlogd', '--pid-file', '/run/libvirt/virtlogd.pid']);
  onStarted({ ...logdTini, role: 'tini(virtlogd)' });
  const logd = await daemonUnderTini(logdTini, 'virtlogd');
  if (logd) onStarted(logd);
  const logdReady = await waitFor(
    () => existsSync(path.join(p.libvirt.run, 'virtlogd-sock')) || !isAlive(logdTini),
    timeoutMs,
  );
  if (!logdReady || !isAlive(logdTini)) {
    throw errors.startTimeout('virtlogd', timeoutMs, path.join(p.logDir, 'virtlogd.log'));
  }
}

/** libvirtd under tini; records 'tini(libvirtd)' and 'libvirtd'; returns once it answers. */
export async function startLibvirtd(
  p: HostPaths,
  netns: string,
  timeoutMs: number,
  onStarted: (rec: ProcessRecord) => void,
): Promise<void> {
  mkdirSync(p.logDir, { recursive: true });
  const lvTini = spawnInHost(p, netns, 'libvirtd', ['libvirtd', '--pid-file', '/run/libvirt/libvirtd.pid']);
  onStarted({ ...lvTini, role: 'tini(libvirtd)' });
  const lv = await daemonUnderTini(lvTini, 'libvirtd');
  if (lv) onStarted(lv);
  const ready = await waitFor(
    async () => !isAlive(lvTini) || (existsSync(p.libvirtSocket) && (await libvirtReachable(p.libvirtUri))),
    timeoutMs,
    100,
  );
  if (!ready || !isAlive(lvTini)) {
    throw errors.startTimeout('libvirtd', timeoutMs, path.join(p.logDir, 'libvirtd.log'));
  }
}
