/**
 * `nssv sandbox down`: stop exactly what `up` recorded (by pid; plus anything still running in a
 * host's private mount namespace, i.e. guests), delete the namespaces and the files under the root.
 * Harmless when nothing is up. A failed down keeps the state file so it can be run again.
 */
import { existsSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { sandboxCommand } from './commandLine.js';
import { assertRootDirectory } from './dirs.js';
import { SandboxError } from './errors.js';
import { stopCeph } from './ceph/stop.js';
import { hostProcesses, stopHost } from './hostRuntime.js';
import { mountsUnder, unmount } from './mountNs.js';
import { capsCacheReady, saveCapsCache } from './libvirt.js';
import { DEFAULT_CAPS_CACHE_DIR, hostPaths, resolveRoot, rootOrigin, sandboxPaths } from './paths.js';
import { assertRoot } from './preflight.js';
import { acquireLock, readState, StateStore, type SandboxState } from './state.js';
import { deleteUnderlay } from './underlay.js';

export interface SandboxDownOptions {
  root?: string;
  /** How long processes get after SIGTERM before SIGKILL. Default 5000. */
  termTimeoutMs?: number;
  progress?: (msg: string) => void;
  /** Where a host's QEMU capabilities are kept for the next sandbox, if not there yet. */
  capsCacheDir?: string;
}

export interface SandboxDownResult {
  root: string;
  /** False when there was no sandbox in root. */
  wasUp: boolean;
  hosts: string[];
  /** Number of processes stopped (recorded ones and guests found in the hosts' namespaces). */
  stoppedProcesses: number;
}

/** Entries of the root that belong to the sandbox; anything else the user put there is kept. */
const OWN_ENTRIES = ['sandbox.json', 'lock', 'mnt', 'hosts', 'ceph', 'tls'];

export async function sandboxDown(opts: SandboxDownOptions = {}): Promise<SandboxDownResult> {
  const root = resolveRoot(opts.root);
  const paths = sandboxPaths(root);
  assertRootDirectory(root, rootOrigin(opts.root));
  if (!existsSync(root)) return { root, wasUp: false, hosts: [], stoppedProcesses: 0 };
  assertRoot(sandboxCommand('down', { root }));
  const release = acquireLock(paths.lockFile, root);
  try {
    const state = readState(paths.stateFile);
    if (state === undefined) {
      removeOwnFiles(root);
      return { root, wasUp: false, hosts: [], stoppedProcesses: 0 };
    }
    const store = new StateStore(paths.stateFile, state);
    const hostNames = state.hosts.map((h) => h.name);
    keepCapsCache(state, opts.capsCacheDir ?? DEFAULT_CAPS_CACHE_DIR);
    const stopped = await teardown(store, opts.termTimeoutMs ?? 5_000, opts.progress ?? (() => undefined));
    removeOwnFiles(root);
    return { root, wasUp: true, hosts: hostNames, stoppedProcesses: stopped };
  } finally {
    release();
  }
}

/** Undo everything the state records: hosts (in parallel), the underlay, the mount namespace dir. */
export async function teardown(
  store: StateStore,
  termTimeoutMs: number,
  progress: (msg: string) => void,
  hostNames: string[] = store.state.hosts.map((h) => h.name),
): Promise<number> {
  const whole = hostNames.length === store.state.hosts.length;
  const before =
    store.state.hosts
      .filter((h) => hostNames.includes(h.name))
      .reduce((n, h) => n + hostProcesses(h).length, 0) +
    (whole ? (store.state.ceph?.processes.length ?? 0) : 0);
  if (hostNames.length > 0) progress(`stopping ${hostNames.join(', ')}`);
  const results = await Promise.all(hostNames.map((name) => stopHost(store, name, termTimeoutMs)));
  const failures = results.flat();
  if (failures.length === 0) {
    store.update((s) => void (s.hosts = s.hosts.filter((h) => !hostNames.includes(h.name))));
  }
  if (whole && failures.length === 0) {
    try {
      if (store.state.ceph !== undefined) {
        progress('stopping the Ceph cluster');
        await stopCeph(store, Math.min(termTimeoutMs, 2_000));
      }
      if (store.state.underlay.created) {
        await deleteUnderlay({ netns: store.state.underlay.netns, bridge: store.state.underlay.bridge });
        store.update((s) => void (s.underlay.created = false));
      }
      if (store.state.mountNsDir.mounted) {
        await unmount(store.state.mountNsDir.path);
        store.update((s) => void (s.mountNsDir.mounted = false));
      }
    } catch (e) {
      failures.push(e);
    }
  }
  if (failures.length > 0) {
    const first = failures[0];
    if (first instanceof SandboxError && failures.length === 1) throw first;
    const detail = failures.map((f) => (f instanceof Error ? f.message : String(f))).join('\n');
    throw new SandboxError('stop_failed', `Could not tear down all of the sandbox in ${store.state.root}.`, {
      hint: `Fix the cause and run \`${sandboxCommand('down', { root: store.state.root })}\` again; the state file still lists what is left.`,
      detail,
    });
  }
  return before;
}

function keepCapsCache(state: SandboxState, cacheDir: string): void {
  for (const h of state.hosts) {
    if (capsCacheReady(cacheDir)) return;
    saveCapsCache(hostPaths(state.root, h.name), cacheDir);
  }
}

/** Delete the sandbox's own files under root (never through a mount), then root itself if empty. */
export function removeOwnFiles(root: string, keepLock = false): void {
  const leftover = mountsUnder(root);
  if (leftover.length > 0) {
    throw new SandboxError(
      'stop_failed',
      `Refusing to delete ${root}: mounts remain under it (${leftover.join(', ')}).`,
      {
        hint: `Unmount them (umount PATH) and run \`${sandboxCommand('down', { root })}\` again.`,
      },
    );
  }
  for (const entry of OWN_ENTRIES) {
    if (keepLock && entry === 'lock') continue;
    rmSync(path.join(root, entry), { recursive: true, force: true });
  }
  if (!keepLock && readdirSync(root).length === 0) rmdirSync(root);
}
