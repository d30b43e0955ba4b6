/** `nssv sandbox status`: per host, whether its processes live and its libvirtd, OVS and agentd answer. */
import { join } from 'node:path';
import { agentHealthy, readToken } from './agent.js';
import { sandboxTlsDir } from './agentTls.js';
import { cephPaths } from './ceph/paths.js';
import { libvirtReachable } from './libvirt.js';
import { netnsExists } from './netns.js';
import { ovsReachable } from './ovs.js';
import { assertRootDirectory } from './dirs.js';
import { logFileOf, resolveRoot, rootOrigin, sandboxPaths } from './paths.js';
import { isAlive } from './processes.js';
import { readState, type HostState, type SandboxState } from './state.js';

export interface HostStatus {
  name: string;
  endpoint: string | null;
  netns: string;
  netnsPresent: boolean;
  /** log: where to look when it is not alive. */
  processes: { role: string; pid: number; alive: boolean; log: string }[];
  libvirtReachable: boolean;
  ovsReachable: boolean;
  /** null: this host runs no agent. */
  agentHealthy: boolean | null;
  healthy: boolean;
}

export interface SandboxStatus {
  root: string;
  up: boolean;
  name: string | null;
  healthy: boolean;
  hosts: HostStatus[];
  /** The Ceph daemons of `up --ceph` (absent without Ceph); log: where to look when one is dead. */
  ceph?: { processes: { role: string; pid: number; alive: boolean; log: string }[] };
}

export async function hostStatus(h: HostState, root: string): Promise<HostStatus> {
  const processes = h.processes.map((r) => ({
    role: r.role,
    pid: r.pid,
    alive: isAlive(r),
    log: logFileOf(h.dir, r.role),
  }));
  const [lv, ovs, agent] = await Promise.all([
    libvirtReachable(h.libvirtUri),
    ovsReachable(h.ovsDbSocket),
    h.endpoint === undefined ? Promise.resolve(null) : tokenHealth(h.endpoint, h.tokenFile, root),
  ]);
  const netnsPresent = netnsExists(h.netns);
  return {
    name: h.name,
    endpoint: h.endpoint ?? null,
    netns: h.netns,
    netnsPresent,
    processes,
    libvirtReachable: lv,
    ovsReachable: ovs,
    agentHealthy: agent,
    healthy: netnsPresent && processes.every((p) => p.alive) && lv && ovs && agent !== false,
  };
}

async function tokenHealth(endpoint: string, tokenFile: string, root: string): Promise<boolean> {
  try {
    return await agentHealthy(endpoint, readToken(tokenFile), 2_000, sandboxTlsDir(root));
  } catch {
    return false;
  }
}

export async function statusOfState(root: string, state: SandboxState | undefined): Promise<SandboxStatus> {
  if (state === undefined) return { root, up: false, name: null, healthy: false, hosts: [] };
  const hosts = await Promise.all(
    [...state.hosts].sort((a, b) => a.index - b.index).map((h) => hostStatus(h, root)),
  );
  const ceph =
    state.ceph === undefined
      ? undefined
      : {
          processes: state.ceph.processes.map((r) => ({
            role: r.role,
            pid: r.pid,
            alive: isAlive(r),
            log: join(cephPaths(root).logDir, `${r.role}.out`),
          })),
        };
  return {
    root,
    up: true,
    name: state.name,
    healthy:
      hosts.length > 0 && hosts.every((h) => h.healthy) && (ceph?.processes.every((p) => p.alive) ?? true),
    hosts,
    ...(ceph === undefined ? {} : { ceph }),
  };
}

export async function sandboxStatus(opts: { root?: string } = {}): Promise<SandboxStatus> {
  const root = resolveRoot(opts.root);
  assertRootDirectory(root, rootOrigin(opts.root));
  return statusOfState(root, readState(sandboxPaths(root).stateFile));
}
