/** What callers (CLI, e2e tests, --emit) get to know about a running sandbox, read from its state. */
import path from 'node:path';
import { readToken } from './agent.js';
import { sandboxTlsDir } from './agentTls.js';
import type { EmittedHost } from './emitTf.js';
import { assertRootDirectory } from './dirs.js';
import { resolveRoot, rootOrigin, sandboxPaths } from './paths.js';
import { readState, type HostState, type SandboxState } from './state.js';

export interface SandboxHostInfo {
  name: string;
  /** agentd base URL (https://127.0.0.1:PORT); undefined when the sandbox runs without agents. */
  endpoint: string | undefined;
  /** For an https:// endpoint: the sandbox's TLS directory (its CA and nssv's client certificate), nssv_host.tls_dir. */
  tlsDir: string | undefined;
  /** agentd bearer token (also in tokenFile). */
  token: string;
  tokenFile: string;
  libvirtUri: string;
  ovsDbSocket: string;
  storageRoot: string;
  netns: string;
  /** Persistent mount namespace (usable with nsenter --mount=...). */
  mountNsFile: string;
  underlayIp: string;
  dir: string;
  logDir: string;
  pids: { role: string; pid: number }[];
}

export interface SandboxCephInfo {
  /** Pass to the CLIs: `ip netns exec <netns> ceph -c <conf> -s` (the admin keyring is named in it). */
  conf: string;
  adminKeyring: string;
  /** Where the cluster is reachable from: the underlay namespace (every host's namespace works too). */
  netns: string;
  address: string;
  osds: { id: number; host: string }[];
  pids: { role: string; pid: number }[];
}

export interface SandboxInfo {
  name: string;
  root: string;
  stateFile: string;
  underlay: { netns: string; bridge: string; cidr: string; mtu: number };
  hosts: SandboxHostInfo[];
  /** Present when the sandbox runs Ceph (`up --ceph`). */
  ceph?: SandboxCephInfo;
}

function safeToken(file: string): string {
  try {
    return readToken(file);
  } catch {
    return '';
  }
}

export function hostInfo(h: HostState, root: string): SandboxHostInfo {
  return {
    name: h.name,
    endpoint: h.endpoint,
    tlsDir: h.endpoint?.startsWith('https://') ? sandboxTlsDir(root) : undefined,
    token: safeToken(h.tokenFile),
    tokenFile: h.tokenFile,
    libvirtUri: h.libvirtUri,
    ovsDbSocket: h.ovsDbSocket,
    storageRoot: h.storageRoot,
    netns: h.netns,
    mountNsFile: h.mountNsFile,
    underlayIp: h.underlayIp,
    dir: h.dir,
    logDir: path.join(h.dir, 'logs'),
    pids: h.processes.map((r) => ({ role: r.role, pid: r.pid })),
  };
}

export function sandboxInfo(state: SandboxState): SandboxInfo {
  const { netns, bridge, cidr, mtu } = state.underlay;
  return {
    name: state.name,
    root: state.root,
    stateFile: sandboxPaths(state.root).stateFile,
    underlay: { netns, bridge, cidr, mtu },
    hosts: [...state.hosts].sort((a, b) => a.index - b.index).map((h) => hostInfo(h, state.root)),
    ...(state.ceph === undefined
      ? {}
      : {
          ceph: {
            conf: state.ceph.conf,
            adminKeyring: state.ceph.adminKeyring,
            netns,
            address: state.ceph.address,
            osds: state.ceph.osds,
            pids: state.ceph.processes.map((r) => ({ role: r.role, pid: r.pid })),
          },
        }),
  };
}

/** The sandbox in `root` (flag, NSSV_SANDBOX_ROOT or the default), or undefined when none is up. */
export function readSandboxInfo(opts: { root?: string } = {}): SandboxInfo | undefined {
  const root = resolveRoot(opts.root);
  assertRootDirectory(root, rootOrigin(opts.root));
  const state = readState(sandboxPaths(root).stateFile);
  return state === undefined ? undefined : sandboxInfo(state);
}

/** The hosts as `--emit` declares them (hosts without an agent are left out). */
export function emittedHosts(info: SandboxInfo): EmittedHost[] {
  return info.hosts.flatMap((h) =>
    h.endpoint === undefined
      ? []
      : [
          {
            name: h.name,
            endpoint: h.endpoint,
            token: h.token,
            ...(h.tlsDir === undefined ? {} : { tlsDir: h.tlsDir }),
          },
        ],
  );
}

/** Same data as DIR/sandbox.tf: the sandbox hosts with endpoint and token. */
export function sandboxHosts(opts: { root?: string } = {}): EmittedHost[] {
  const info = readSandboxInfo(opts);
  return info === undefined ? [] : emittedHosts(info);
}
