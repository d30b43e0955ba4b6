/**
 * Where a sandbox keeps its files, and the names it gives namespaces. Pure: no I/O.
 *
 * <root>/sandbox.json                 state: everything `up` created (see state.ts)
 * <root>/lock                         held while up/down run
 * <root>/mnt/<host>                   persistent mount namespace of each host (nsfs bind mount)
 * <root>/hosts/<host>/                one simulated host:
 *   libvirt/{etc,run,lib,log,cache}   bind-mounted over /etc/libvirt, /run/libvirt, ... in its mount ns
 *   ovs/{run,db,log}                  its Open vSwitch; ovs/run is bind-mounted over /run/openvswitch
 *   pools/                            storage root for dir pools (agentd storageRoot)
 *   agentd/                           agentd state dir; agentd.json, token (0600), logs/
 */
import path from 'node:path';
import { DEFAULT_ROOT, ROOT_ENV } from './commandLine.js';
import { errors } from './errors.js';

export { DEFAULT_HOSTS, DEFAULT_NAME, DEFAULT_ROOT, ROOT_ENV } from './commandLine.js';
export const DEFAULT_CAPS_CACHE_DIR = '/var/cache/nssv/qemu-capabilities';
export const MAX_HOSTS = 64;
/** sun_path is 108 bytes including the terminating NUL. */
export const MAX_SOCKET_PATH_BYTES = 107;

const NAME_RE = /^[a-z](?:[a-z0-9-]{0,18}[a-z0-9])?$/;
/** System directories libvirtd sees per host (bind-mounted in its private mount namespace). */
export const SHADOWED_DIRS = [
  '/etc/libvirt',
  '/run/libvirt',
  '/var/lib/libvirt',
  '/var/log/libvirt',
  '/var/cache/libvirt',
  '/run/openvswitch',
] as const;

export function resolveRoot(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const given = flag ?? env[ROOT_ENV] ?? DEFAULT_ROOT;
  if (given === '' || given.includes('\0')) throw errors.invalidOption('root', given, 'a non-empty path');
  const root = path.resolve(given);
  if (root === '/' || root.split('/').filter(Boolean).length < 2) {
    throw errors.invalidOption(
      'root',
      given,
      'a directory at least two levels below / (it is deleted on down)',
    );
  }
  for (const dir of SHADOWED_DIRS) {
    if (root === dir || root.startsWith(dir + '/')) {
      throw errors.invalidOption(
        'root',
        given,
        `a directory outside ${dir} (libvirtd's view of it is replaced)`,
      );
    }
  }
  return root;
}

export function validateName(name: string): string {
  if (!NAME_RE.test(name)) {
    throw errors.invalidOption(
      'name',
      name,
      "lower-case letters, digits and '-', starting with a letter, at most 20 characters",
    );
  }
  return name;
}

export function validateHostCount(hosts: number): number {
  if (!Number.isInteger(hosts) || hosts < 1 || hosts > MAX_HOSTS)
    throw errors.invalidHosts(String(hosts), MAX_HOSTS);
  return hosts;
}

/** `--hosts` as typed on the command line (oclif's own integer check says neither the range nor the fix). */
export function parseHostCount(given: string): number {
  const text = given.trim();
  if (!/^[+-]?\d+$/.test(text)) throw errors.invalidHosts(given, MAX_HOSTS);
  return validateHostCount(Number(text));
}

/** How the user chose the root, for messages: `--root X`, `NSSV_SANDBOX_ROOT=X` or `the default root X`. */
export function rootOrigin(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined) return `--root ${flag}`;
  const fromEnv = env[ROOT_ENV];
  if (fromEnv !== undefined) return `${ROOT_ENV}=${fromEnv}`;
  return `the default root ${DEFAULT_ROOT}`;
}

export const hostName = (index: number): string => `h${index}`;
export const hostIndex = (name: string): number => Number(name.slice(1));

export interface SandboxPaths {
  root: string;
  stateFile: string;
  lockFile: string;
  mountNsDir: string;
}

export function sandboxPaths(root: string): SandboxPaths {
  return {
    root,
    stateFile: path.join(root, 'sandbox.json'),
    lockFile: path.join(root, 'lock'),
    mountNsDir: path.join(root, 'mnt'),
  };
}

export interface HostPaths {
  dir: string;
  mountNsFile: string;
  libvirt: { etc: string; run: string; lib: string; log: string; cache: string };
  libvirtSocket: string;
  libvirtUri: string;
  capsDir: string;
  ovs: { run: string; db: string; log: string };
  ovsDbFile: string;
  ovsDbSocket: string;
  storageRoot: string;
  agentDir: string;
  agentConfig: string;
  tokenFile: string;
  logDir: string;
  /** Bind mounts inside the host's mount namespace: [source, target]. */
  binds: [string, string][];
}

export function hostPaths(root: string, host: string): HostPaths {
  const dir = path.join(root, 'hosts', host);
  const lv = path.join(dir, 'libvirt');
  const libvirt = {
    etc: path.join(lv, 'etc'),
    run: path.join(lv, 'run'),
    lib: path.join(lv, 'lib'),
    log: path.join(lv, 'log'),
    cache: path.join(lv, 'cache'),
  };
  const ovsDir = path.join(dir, 'ovs');
  const ovs = { run: path.join(ovsDir, 'run'), db: path.join(ovsDir, 'db'), log: path.join(ovsDir, 'log') };
  const libvirtSocket = path.join(libvirt.run, 'libvirt-sock');
  const agentDir = path.join(dir, 'agentd');
  return {
    dir,
    mountNsFile: path.join(root, 'mnt', host),
    libvirt,
    libvirtSocket,
    libvirtUri: `qemu:///system?socket=${libvirtSocket}`,
    capsDir: path.join(libvirt.cache, 'qemu', 'capabilities'),
    ovs,
    ovsDbFile: path.join(ovs.db, 'conf.db'),
    ovsDbSocket: path.join(ovs.run, 'db.sock'),
    storageRoot: path.join(dir, 'pools'),
    agentDir,
    agentConfig: path.join(agentDir, 'agentd.json'),
    tokenFile: path.join(agentDir, 'token'),
    logDir: path.join(dir, 'logs'),
    binds: [
      [libvirt.etc, '/etc/libvirt'],
      [libvirt.run, '/run/libvirt'],
      [libvirt.lib, '/var/lib/libvirt'],
      [libvirt.log, '/var/log/libvirt'],
      [libvirt.cache, '/var/cache/libvirt'],
      [ovs.run, '/run/openvswitch'],
    ],
  };
}

/** The longest unix socket paths the host's daemons will create (libvirt, OVS control and bridge sockets). */
export function longestSocketPaths(p: HostPaths): string[] {
  return [
    path.join(p.libvirt.run, 'virtlogd-admin-sock'),
    path.join(p.libvirt.run, 'libvirt-admin-sock'),
    // ovs-vswitchd.<pid>.ctl with a 7-digit pid; <bridge>.mgmt with a 15-character bridge name
    path.join(p.ovs.run, 'ovs-vswitchd.4194304.ctl'),
    path.join(p.ovs.run, 'abcdefghijklmno.mgmt'),
    path.join(p.ovs.run, 'abcdefghijklmno.snoop'),
  ];
}

export function assertSocketPathsFit(p: HostPaths): void {
  for (const socket of longestSocketPaths(p)) {
    const bytes = Buffer.byteLength(socket);
    if (bytes > MAX_SOCKET_PATH_BYTES) throw errors.pathTooLong(socket, bytes, MAX_SOCKET_PATH_BYTES);
  }
}

export interface NetNames {
  underlayNetns: string;
  underlayBridge: string;
  hostNetns: (host: string) => string;
  /** veth end inside the underlay namespace (attached to the bridge). */
  underlayVeth: (host: string) => string;
  /** veth end inside the host namespace. */
  hostVeth: string;
  /** The host's second underlay link (for uplink bonds): its veth ends. */
  underlayVeth2: (host: string) => string;
  hostVeth2: string;
}

export function netNames(name: string): NetNames {
  return {
    underlayNetns: `${name}-underlay`,
    underlayBridge: 'br-underlay',
    hostNetns: (host) => `${name}-${host}`,
    underlayVeth: (host) => `ul-${host}`,
    hostVeth: 'eth0',
    underlayVeth2: (host) => `ulb-${host}`,
    hostVeth2: 'eth1',
  };
}

export const UNDERLAY = { prefix: '10.250.0', prefixLength: 24, mtu: 1600 } as const;
export const underlayIp = (index: number): string => `${UNDERLAY.prefix}.${index}`;

export const ovsLogFile = (hostDir: string, daemon: 'ovsdb-server' | 'ovs-vswitchd'): string =>
  path.join(hostDir, 'ovs', 'log', `${daemon}.log`);

/** Where to look when a recorded process of a host died (the daemon's own log where it keeps one). */
export function logFileOf(hostDir: string, role: string): string {
  if (role === 'ovsdb-server' || role === 'ovs-vswitchd') return ovsLogFile(hostDir, role);
  if (role === 'virtlogd' || role === 'libvirtd') return path.join(hostDir, 'libvirt', 'log', `${role}.log`);
  const tini = /^tini\((.+)\)$/.exec(role);
  return path.join(hostDir, 'logs', `${tini ? tini[1] : role}.log`);
}
