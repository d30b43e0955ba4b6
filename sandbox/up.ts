/**
 * `nssv sandbox up`: start N simulated hypervisor hosts (h1..hN) on this machine.
 *
 * Running it again is harmless: with every host alive it reports the existing sandbox; with a
 * larger --hosts it adds the missing hosts (it never removes hosts: use down for that; a smaller
 * --hosts is reported in `notes`). A sandbox whose processes are all gone (e.g. after a reboot) is
 * cleaned up and started afresh; in a partly running one, the dead daemons of each host are
 * restarted in place (same directories, ports and tokens; `restarted`). A host that cannot be
 * repaired that way (its namespaces are gone) is an error ('degraded') that asks for down + up.
 * If up fails halfway it undoes what it started, so nothing half-done is left behind.
 */
import { existsSync, readdirSync, rmdirSync } from 'node:fs';
import { AGENT_SHUTDOWN_TIMEOUT_MS, defaultAgentdMain } from './agent.js';
import { ensureSandboxCa } from './agentTls.js';
import { addOsd, startCeph, waitHealthy } from './ceph/bootstrap.js';
import { CEPH_TOOLS } from './ceph/tools.js';
import { sandboxCommand, type CommandContext } from './commandLine.js';
import { assertEmitDirectory, assertRootDirectory } from './dirs.js';
import { errors, SandboxError } from './errors.js';
import { type EmittedCluster, type EmittedImage, writeSandboxTf } from './emitTf.js';
import { mergeRatios, type ClusterRatios } from './clusterFlags.js';
import { ensureGuestImage } from './guestImage.js';
import {
  deadProcesses,
  describeDead,
  newHostState,
  repairHost,
  startHost,
  whyNotRepairable,
  type DeadProcess,
  type StartHostOptions,
} from './hostRuntime.js';
import { emittedHosts, sandboxInfo, type SandboxInfo } from './info.js';
import { capsCacheReady } from './libvirt.js';
import { prepareMountNsDir } from './mountNs.js';
import { netnsExists } from './netns.js';
import {
  DEFAULT_CAPS_CACHE_DIR,
  DEFAULT_NAME,
  UNDERLAY,
  assertSocketPathsFit,
  hostName,
  hostPaths,
  netNames,
  resolveRoot,
  rootOrigin,
  sandboxPaths,
  validateHostCount,
  validateName,
} from './paths.js';
import { assertRoot, assertTools } from './preflight.js';
import { isAlive } from './processes.js';
import {
  STATE_VERSION,
  StateStore,
  acquireLock,
  readState,
  type HostState,
  type SandboxState,
} from './state.js';
import { removeOwnFiles, teardown } from './down.js';
import { createUnderlay } from './underlay.js';

export interface SandboxUpOptions {
  /** Default: NSSV_SANDBOX_ROOT or /var/lib/nssv/sandbox. */
  root?: string;
  /** Prefix of namespace names; default: the existing sandbox's name, else "nssv". */
  name?: string;
  /** Number of hosts; default 2. */
  hosts?: number;
  /** Write <emitDir>/sandbox.tf. */
  emitDir?: string;
  /** With emitDir: declare the guest image (built if not cached). Default true. */
  guestImage?: boolean;
  /** Shared QEMU capabilities cache; default /var/cache/nssv/qemu-capabilities. */
  capsCacheDir?: string;
  /** agentd's main.js; default <repo>/dist/agentd/main.js; null starts no agents. */
  agentdMain?: string | null;
  /** Per daemon. Default 60000. */
  startTimeoutMs?: number;
  /**
   * How long the agents of the hosts this up adds wait for a VM to power off after an ACPI
   * shutdown before destroying it. Default AGENT_SHUTDOWN_TIMEOUT_MS (3000). Tests whose guests
   * have no OS (they ignore ACPI, so every stop waits all of it) pass less. Written into each
   * agent's config when its host starts: a host repaired in place keeps its own.
   */
  agentShutdownTimeoutMs?: number;
  progress?: (msg: string) => void;
  /** Abort (e.g. on Ctrl-C) to stop at the next step and undo what was started. */
  signal?: AbortSignal;
  /**
   * Also run a Ceph cluster (mon, mgr, one memstore OSD per host under a CRUSH host bucket of
   * its name) that every host reaches; agents get its conf and key. Only when the sandbox is
   * created; hosts added later get an OSD each.
   */
  ceph?: boolean;
  /** Overcommit ratios of the emitted cluster (see clusterFlags.ts); kept for later `up`s. */
  cluster?: ClusterRatios;
}

export type SandboxUpAction = 'created' | 'extended' | 'repaired' | 'unchanged';

export interface SandboxUpResult extends SandboxInfo {
  action: SandboxUpAction;
  addedHosts: string[];
  /** Daemons of existing hosts that had died and were restarted in place (new pids). */
  restarted: DeadProcess[];
  /** Things the user should know that are not errors (e.g. a smaller --hosts than the sandbox has). */
  notes: string[];
  emittedFile: string | undefined;
  /** The overcommit ratios the emitted cluster gets. */
  cluster: EmittedCluster;
  elapsedMs: number;
}

const hostIsAlive = (h: HostState): boolean =>
  netnsExists(h.netns) && h.processes.length > 0 && h.processes.every(isAlive);
const hostIsDead = (h: HostState): boolean => !h.processes.some(isAlive);

export async function sandboxUp(opts: SandboxUpOptions = {}): Promise<SandboxUpResult> {
  const started = Date.now();
  const root = resolveRoot(opts.root);
  const hosts = validateHostCount(opts.hosts ?? 2);
  if (opts.name !== undefined) validateName(opts.name);
  // What the user asked for, to repeat in hints (the name of an existing sandbox is added below).
  const ctx: CommandContext = { root, name: opts.name, hosts: opts.hosts, ceph: opts.ceph };
  assertRootDirectory(root, rootOrigin(opts.root));
  if (opts.emitDir !== undefined) assertEmitDirectory(opts.emitDir);
  const progress = opts.progress ?? (() => undefined);
  const agentdMain = opts.agentdMain === null ? undefined : (opts.agentdMain ?? defaultAgentdMain());
  assertRoot(sandboxCommand('up', ctx));
  assertTools();
  if (opts.ceph === true) assertTools(CEPH_TOOLS);
  if (agentdMain !== undefined && !existsSync(agentdMain)) throw errors.agentdMissing(agentdMain);

  const paths = sandboxPaths(root);
  const release = acquireLock(paths.lockFile, root);
  try {
    let state = readState(paths.stateFile);
    if (state !== undefined && opts.name !== undefined && opts.name !== state.name) {
      throw errors.invalidOption(
        'name',
        opts.name,
        `the sandbox in ${root} is named "${state.name}" (omit --name or use it)`,
      );
    }
    if (state !== undefined) ctx.name = state.name;
    if (state?.ceph !== undefined) ctx.ceph = true;
    if (state !== undefined && state.hosts.every(hostIsDead)) {
      progress(`cleaning up the stale sandbox in ${root} (none of its processes runs)`);
      await teardown(new StateStore(paths.stateFile, state), 1_000, progress);
      removeOwnFiles(root, true);
      state = undefined;
    }
    if (state !== undefined && opts.ceph === true && state.ceph === undefined) {
      throw errors.cephNotInSandbox(ctx);
    }
    const restarted: DeadProcess[] = [];
    if (state !== undefined) {
      if (state.hosts.length === 0) {
        throw errors.degraded({ ...ctx, hosts: hosts }, ['it has no hosts'], 'cannot be repaired in place');
      }
      const broken = state.hosts.filter((h) => !hostIsAlive(h));
      const unrepairable = [
        ...broken.flatMap((h) => whyNotRepairable(root, h, agentdMain !== undefined) ?? []),
        // A memstore OSD or monitor that died took its data with it: nothing to restart in place.
        ...(state.ceph?.processes ?? [])
          .filter((r) => !isAlive(r))
          .map((r) => `ceph ${r.role} (pid ${r.pid}) is not running and its in-memory data is gone`),
      ];
      if (unrepairable.length > 0) {
        const dead = broken.flatMap(deadProcesses).map(describeDead);
        throw errors.degraded(
          { ...ctx, hosts: Math.max(hosts, state.hosts.length) },
          [...unrepairable, ...dead],
          'cannot be repaired in place',
        );
      }
      const store = new StateStore(paths.stateFile, state);
      for (const h of broken) {
        restarted.push(
          ...(await repairHost(store, h.name, {
            root,
            agentdMain,
            startTimeoutMs: opts.startTimeoutMs ?? 60_000,
            progress,
          })),
        );
      }
    }

    const fresh = state === undefined;
    const store = new StateStore(paths.stateFile, state ?? newState(root, opts.name ?? DEFAULT_NAME));
    if (fresh && netnsExists(store.state.underlay.netns)) {
      throw errors.nameInUse(store.state.name, `network namespace ${store.state.underlay.netns}`);
    }
    const existing = new Set(store.state.hosts.map((h) => h.name));
    const toAdd = Array.from({ length: hosts }, (_, i) => hostName(i + 1)).filter((n) => !existing.has(n));
    for (const name of toAdd) assertSocketPathsFit(hostPaths(root, name));
    const notes: string[] = [];
    if (store.state.hosts.length > hosts) {
      const n = store.state.hosts.length;
      notes.push(
        `the sandbox already has ${n} hosts; up never removes hosts (use \`${sandboxCommand('down', ctx)}\`, then \`${sandboxCommand('up', { ...ctx, hosts })}\`)`,
      );
    }

    if (toAdd.length > 0) {
      try {
        if (fresh) await createShared(store, progress);
        if (fresh && opts.ceph === true) {
          await startCeph(store, { hosts: toAdd, startTimeoutMs: opts.startTimeoutMs ?? 60_000, progress });
        } else if (store.state.ceph !== undefined) {
          for (const name of toAdd) await addOsd(store, name, { progress });
          await waitHealthy(store, opts.startTimeoutMs ?? 60_000);
        }
        for (const name of toAdd) {
          store.update((s) => void s.hosts.push(newHostState(root, s.name, name, Number(name.slice(1)))));
        }
        // One CA for the sandbox, made before the hosts start in parallel (each gets a certificate from it).
        if (agentdMain !== undefined) await ensureSandboxCa(root, store.state.name);
        await startHosts(store, toAdd, {
          capsCacheDir: opts.capsCacheDir ?? DEFAULT_CAPS_CACHE_DIR,
          agentdMain,
          startTimeoutMs: opts.startTimeoutMs ?? 60_000,
          agentShutdownTimeoutMs: opts.agentShutdownTimeoutMs ?? AGENT_SHUTDOWN_TIMEOUT_MS,
          progress,
          ...(opts.signal === undefined ? {} : { signal: opts.signal }),
        });
        if (opts.signal?.aborted) throw errors.interrupted(ctx);
      } catch (e) {
        // A Ctrl-C also kills the tool a step was running: report the interruption, not that.
        const cause = opts.signal?.aborted ? errors.interrupted(ctx) : e;
        progress(`up failed; undoing what it started`);
        await rollback(store, fresh ? undefined : toAdd, progress, cause);
        throw cause;
      }
    }

    const cluster = mergeRatios(store.state.cluster, opts.cluster ?? {});
    if (opts.cluster !== undefined && Object.keys(opts.cluster).length > 0) {
      store.update((s) => void (s.cluster = cluster));
    }
    const info = sandboxInfo(store.state);
    const image =
      opts.emitDir === undefined || opts.guestImage === false ? undefined : ensureGuestImage(progress);
    const emittedFile =
      opts.emitDir === undefined
        ? undefined
        : emitTf(opts.emitDir, emittedHosts(info), root, ctx, image, cluster);
    const action: SandboxUpAction =
      toAdd.length > 0 ? (fresh ? 'created' : 'extended') : restarted.length > 0 ? 'repaired' : 'unchanged';
    return {
      ...info,
      action,
      addedHosts: toAdd,
      restarted,
      notes,
      emittedFile,
      cluster,
      elapsedMs: Date.now() - started,
    };
  } finally {
    release();
    removeRootIfEmpty(root);
  }
}

/** Write DIR/sandbox.tf; a failure (the sandbox is up by then) says so and how to retry. */
function emitTf(
  dir: string,
  hosts: ReturnType<typeof emittedHosts>,
  root: string,
  ctx: CommandContext,
  image: EmittedImage | undefined,
  cluster: EmittedCluster,
): string {
  try {
    return writeSandboxTf(dir, hosts, root, image, cluster);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === undefined ? (e as Error).message : (ERRNO_WORDS[code] ?? code);
    throw new SandboxError('invalid_option', `--emit ${dir}: could not write sandbox.tf there (${why}).`, {
      hint: `The sandbox is up. Fix: pass a directory you can write to and run \`${sandboxCommand('up', ctx)} --emit DIR\` (it changes nothing else).`,
    });
  }
}

const ERRNO_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'a file is in the way',
  ENOTDIR: 'a file is in the way',
  EISDIR: 'sandbox.tf there is a directory',
};

function removeRootIfEmpty(root: string): void {
  try {
    if (readdirSync(root).length === 0) rmdirSync(root);
  } catch {
    // not there, or not empty
  }
}

function newState(root: string, name: string): SandboxState {
  const net = netNames(name);
  return {
    version: STATE_VERSION,
    name,
    root,
    createdAt: new Date().toISOString(),
    underlay: {
      netns: net.underlayNetns,
      bridge: net.underlayBridge,
      cidr: `${UNDERLAY.prefix}.0/${UNDERLAY.prefixLength}`,
      mtu: UNDERLAY.mtu,
      created: false,
    },
    mountNsDir: { path: sandboxPaths(root).mountNsDir, mounted: false },
    hosts: [],
  };
}

async function createShared(store: StateStore, progress: (msg: string) => void): Promise<void> {
  const { underlay } = store.state;
  // Each step is recorded before it runs (undoing what is not there is harmless).
  store.update((s) => void (s.mountNsDir.mounted = true));
  await prepareMountNsDir(store.state.mountNsDir.path);
  progress(`creating underlay ${underlay.netns} (${underlay.cidr}, MTU ${underlay.mtu})`);
  store.update((s) => void (s.underlay.created = true));
  await createUnderlay({ netns: underlay.netns, bridge: underlay.bridge });
}

/** Hosts start in parallel; without a QEMU capabilities cache the first one starts alone and fills it. */
async function startHosts(store: StateStore, names: string[], opts: StartHostOptions): Promise<void> {
  let rest = names;
  if (!capsCacheReady(opts.capsCacheDir) && names.length > 1) {
    await startHost(store, names[0]!, opts);
    rest = names.slice(1);
  }
  const results = await Promise.allSettled(rest.map((n) => startHost(store, n, opts)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function rollback(
  store: StateStore,
  hostNames: string[] | undefined,
  progress: (msg: string) => void,
  cause: unknown,
): Promise<void> {
  try {
    await teardown(store, 2_000, progress, hostNames);
    if (hostNames === undefined) removeOwnFiles(store.state.root, true);
  } catch (undoError) {
    const msg = undoError instanceof Error ? undoError.message : String(undoError);
    const down = sandboxCommand('down', { root: store.state.root });
    progress(`undo failed too (${msg}); run \`${down}\` to remove what is left`);
    if (cause instanceof SandboxError)
      cause.detail = [cause.detail, `undo failed: ${msg}`].filter(Boolean).join('\n');
  }
}
