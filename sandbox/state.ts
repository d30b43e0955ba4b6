/**
 * The sandbox state file (<root>/sandbox.json): everything `up` created, written after every
 * step (atomically), so `down` — or the rollback of a failed `up` — undoes exactly that.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, openSync, closeSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { errors } from './errors.js';
import type { CephState } from './ceph/state.js';
import type { EmittedCluster } from './emitTf.js';
import type { ProcessRecord } from './processes.js';

export const STATE_VERSION = 1;

export interface HostState {
  name: string;
  index: number;
  dir: string;
  netns: string;
  underlayIp: string;
  mountNsFile: string;
  libvirtUri: string;
  ovsDbSocket: string;
  storageRoot: string;
  tokenFile: string;
  /** agentd listens on 127.0.0.1:port in the root network namespace. */
  agentPort?: number;
  endpoint?: string;
  /** What exists on the machine because of this host (undo list). */
  created: {
    netns: boolean;
    mountNs: boolean;
    /** Bind-mount targets made inside the host's mount namespace. */
    binds: string[];
  };
  processes: ProcessRecord[];
}

export interface SandboxState {
  version: number;
  name: string;
  root: string;
  createdAt: string;
  underlay: { netns: string; bridge: string; cidr: string; mtu: number; created: boolean };
  /** <root>/mnt, bind-mounted on itself with private propagation (needed for persistent mount namespaces). */
  mountNsDir: { path: string; mounted: boolean };
  hosts: HostState[];
  /** The sandbox's Ceph cluster (`up --ceph`). */
  ceph?: CephState;
  /** Overcommit ratios of the emitted cluster (`up --cpu-overcommit-ratio/--memory-overcommit-ratio`). */
  cluster?: EmittedCluster;
}

export function readState(file: string): SandboxState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw errors.stateInvalid(file, (e as Error).message);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw errors.stateInvalid(file, (e as Error).message);
  }
  return parseState(file, data);
}

export function parseState(file: string, data: unknown): SandboxState {
  const s = data as Partial<SandboxState> | null;
  if (typeof s !== 'object' || s === null) throw errors.stateInvalid(file, 'not a JSON object');
  if (s.version !== STATE_VERSION)
    throw errors.stateInvalid(file, `version ${String(s.version)}, expected ${STATE_VERSION}`);
  if (typeof s.name !== 'string' || typeof s.root !== 'string')
    throw errors.stateInvalid(file, 'name or root missing');
  if (!Array.isArray(s.hosts) || typeof s.underlay !== 'object' || typeof s.mountNsDir !== 'object') {
    throw errors.stateInvalid(file, 'hosts, underlay or mountNsDir missing');
  }
  for (const h of s.hosts) {
    if (typeof h?.name !== 'string' || !Array.isArray(h.processes) || typeof h.created !== 'object') {
      throw errors.stateInvalid(file, 'a host entry is malformed');
    }
  }
  return s as SandboxState;
}

export function writeState(file: string, state: SandboxState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

/** Holds the state in memory and writes it after every change. */
export class StateStore {
  constructor(
    readonly file: string,
    readonly state: SandboxState,
  ) {}

  update(change: (s: SandboxState) => void): void {
    change(this.state);
    writeState(this.file, this.state);
  }

  host(name: string): HostState {
    const h = this.state.hosts.find((x) => x.name === name);
    if (h === undefined) throw new Error(`internal: host ${name} not in state`);
    return h;
  }

  updateHost(name: string, change: (h: HostState) => void): void {
    this.update(() => change(this.host(name)));
  }
}

/** An exclusive lock file holding the owner's pid; a lock whose owner is gone is taken over. */
export function acquireLock(lockFile: string, root: string): () => void {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockFile);
        } catch {
          // removed with the root by down
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSafe(lockFile));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && pidExists(holder)) {
        throw errors.busy(root, holder);
      }
      try {
        unlinkSync(lockFile);
      } catch {
        // raced with another remover
      }
    }
  }
  throw errors.busy(root, Number(readFileSafe(lockFile)));
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
