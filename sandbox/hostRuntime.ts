/**
 * Start and stop one simulated host: network namespace + underlay veth, private mount namespace
 * with its bind mounts, Open vSwitch, virtlogd + libvirtd, agentd. Every step is recorded in the
 * state file the moment it exists, so stopHost (or down) undoes exactly what was done.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { agentConfig, endpointOf, ensureToken, freePort, startAgent, writeAgentConfig } from './agent.js';
import {
  probeQemuCaps,
  saveCapsCache,
  seedCapsCache,
  startLibvirt,
  startLibvirtd,
  startVirtlogd,
  writeLibvirtConfig,
} from './libvirt.js';
import { bindInMountNs, createMountNs, mountNsId, unmount } from './mountNs.js';
import { errors } from './errors.js';
import { issueHostCertificate, sandboxTlsDir } from './agentTls.js';
import { addNetns, deleteNetns, netnsExists } from './netns.js';
import { startOvs, startOvsdb, startVswitchd } from './ovs.js';
import { hostPaths, logFileOf, netNames, underlayIp } from './paths.js';
import { isAlive, processesInMountNs, stopProcesses, type ProcessRecord } from './processes.js';
import type { HostState, StateStore } from './state.js';
import { attachHostLinks } from './underlay.js';
import { ensureUnderlayBridge } from './underlayBridge.js';

export interface StartHostOptions {
  capsCacheDir: string;
  /** Path of agentd's main.js; undefined: start no agent. */
  agentdMain: string | undefined;
  startTimeoutMs: number;
  /** How long the agent waits for a VM to power off after ACPI shutdown before destroying it. */
  agentShutdownTimeoutMs: number;
  progress: (msg: string) => void;
  /** Aborting stops at the next step; up then undoes what was started. */
  signal?: AbortSignal;
}

export function newHostState(root: string, sandboxName: string, name: string, index: number): HostState {
  const p = hostPaths(root, name);
  return {
    name,
    index,
    dir: p.dir,
    netns: netNames(sandboxName).hostNetns(name),
    underlayIp: underlayIp(index),
    mountNsFile: p.mountNsFile,
    libvirtUri: p.libvirtUri,
    ovsDbSocket: p.ovsDbSocket,
    storageRoot: p.storageRoot,
    tokenFile: p.tokenFile,
    created: { netns: false, mountNs: false, binds: [] },
    processes: [],
  };
}

export async function startHost(store: StateStore, name: string, opts: StartHostOptions): Promise<void> {
  const h = store.host(name);
  const p = hostPaths(store.state.root, name);
  const net = netNames(store.state.name);
  const record = (rec: ProcessRecord): void => store.updateHost(name, (x) => void x.processes.push(rec));

  for (const dir of [p.dir, p.storageRoot, p.agentDir, p.logDir]) mkdirSync(dir, { recursive: true });
  writeLibvirtConfig(p);
  const token = ensureToken(p.tokenFile);
  const seeded = seedCapsCache(opts.capsCacheDir, p);

  // Recorded before it is made (after checking the name is free), so a crash in between leaves
  // nothing down does not know about; removing what is not there is harmless.
  if (netnsExists(h.netns)) throw errors.nameInUse(store.state.name, `network namespace ${h.netns}`);
  store.updateHost(name, (x) => void (x.created.netns = true));
  await addNetns(h.netns);
  await attachHostLinks({ netns: store.state.underlay.netns, bridge: store.state.underlay.bridge }, [
    { hostNetns: h.netns, hostVeth: net.hostVeth, underlayVeth: net.underlayVeth(name) },
    { hostNetns: h.netns, hostVeth: net.hostVeth2, underlayVeth: net.underlayVeth2(name) },
  ]);

  store.updateHost(name, (x) => void (x.created.mountNs = true));
  await createMountNs(p.mountNsFile, h.netns);
  for (const [source, target] of p.binds) {
    mkdirSync(source, { recursive: true });
    await bindInMountNs(p.mountNsFile, source, target);
    store.updateHost(name, (x) => void x.created.binds.push(target));
  }

  const checkpoint = (): void => {
    // up reports its own interruption (with the command to run again) in place of this one.
    if (opts.signal?.aborted) throw errors.interrupted({ root: store.state.root, name: store.state.name });
  };
  checkpoint();
  opts.progress(`${name}: starting Open vSwitch`);
  await startOvs(p, h.netns, record);
  await ensureUnderlayBridge(p, { netns: h.netns, link: net.hostVeth, ip: h.underlayIp });
  checkpoint();
  opts.progress(
    `${name}: starting libvirtd${seeded ? '' : ' (and probing QEMU once for the capabilities cache)'}`,
  );
  await startLibvirt(p, h.netns, opts.startTimeoutMs, record);
  if (!seeded && (await probeQemuCaps(p.libvirtUri))) saveCapsCache(p, opts.capsCacheDir);
  checkpoint();

  if (opts.agentdMain !== undefined) {
    const port = await freePort();
    const endpoint = endpointOf(port);
    // The CA exists by now (up creates it before starting hosts in parallel).
    const tlsDir = sandboxTlsDir(store.state.root);
    const tls = await issueHostCertificate(tlsDir, p, name);
    const c = store.state.ceph;
    const ceph =
      c === undefined
        ? undefined
        : { confFile: c.conf, keyringFile: c.adminKeyring, user: 'admin', netns: h.netns };
    writeAgentConfig(
      p.agentConfig,
      agentConfig(name, p, port, h.underlayIp, opts.agentShutdownTimeoutMs, ceph, tls),
    );
    store.updateHost(name, (x) => {
      x.agentPort = port;
      x.endpoint = endpoint;
    });
    opts.progress(`${name}: starting agentd on ${endpoint}`);
    await startAgent(opts.agentdMain, p, endpoint, token, opts.startTimeoutMs, record, tlsDir);
  }
}

/** Every process that belongs to the host: the recorded ones and anything else in its mount namespace (guests). */
export function hostProcesses(h: HostState): ProcessRecord[] {
  const nsId = h.created.mountNs ? mountNsId(h.mountNsFile) : undefined;
  const extra = nsId === undefined ? [] : processesInMountNs(nsId);
  const seen = new Set(h.processes.map((r) => r.pid));
  return [...h.processes, ...extra.filter((r) => !seen.has(r.pid))];
}

/** Stop the host's processes, then remove its mount and network namespaces. Collects errors, keeps going. */
export async function stopHost(store: StateStore, name: string, termTimeoutMs: number): Promise<unknown[]> {
  const failures: unknown[] = [];
  const attempt = async (fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      failures.push(e);
    }
  };
  const h = store.host(name);
  // agentd first, so it does not act on a half-stopped host.
  await attempt(() =>
    stopProcesses(
      h.processes.filter((r) => r.role === 'agentd'),
      termTimeoutMs,
    ),
  );
  await attempt(() => stopProcesses(hostProcesses(h), termTimeoutMs));
  if (failures.length === 0) store.updateHost(name, (x) => void (x.processes = []));

  if (h.created.mountNs) {
    // The bind mounts live only inside the namespace: they vanish with it.
    await attempt(async () => {
      await unmount(h.mountNsFile);
      store.updateHost(name, (x) => {
        x.created.mountNs = false;
        x.created.binds = [];
      });
    });
  }
  if (h.created.netns) {
    await attempt(async () => {
      await deleteNetns(h.netns);
      store.updateHost(name, (x) => void (x.created.netns = false));
    });
  }
  return failures;
}

export interface DeadProcess {
  host: string;
  role: string;
  pid: number;
  log: string;
}

/** The host's recorded processes that no longer run, with the log to look at. */
export function deadProcesses(h: HostState): DeadProcess[] {
  return h.processes
    .filter((r) => !isAlive(r))
    .map((r) => ({ host: h.name, role: r.role, pid: r.pid, log: logFileOf(h.dir, r.role) }));
}

export const describeDead = (d: DeadProcess): string =>
  `${d.host}: ${d.role} (pid ${d.pid}) is not running; its log: ${d.log}`;

/**
 * The daemons of a host, in start order, as restartable groups: a tini and the daemon under it
 * go together. agentd only when the host has an endpoint.
 */
const GROUPS = [
  { name: 'ovsdb-server', roles: ['ovsdb-server'], required: ['ovsdb-server'] },
  { name: 'ovs-vswitchd', roles: ['ovs-vswitchd'], required: ['ovs-vswitchd'] },
  { name: 'virtlogd', roles: ['tini(virtlogd)', 'virtlogd'], required: ['tini(virtlogd)'] },
  { name: 'libvirtd', roles: ['tini(libvirtd)', 'libvirtd'], required: ['tini(libvirtd)'] },
  { name: 'agentd', roles: ['agentd'], required: ['agentd'] },
] as const;

type GroupName = (typeof GROUPS)[number]['name'];

/** Why a host whose processes are not all running cannot be repaired in place, or undefined. */
export function whyNotRepairable(root: string, h: HostState, canStartAgent: boolean): string | undefined {
  if (!netnsExists(h.netns)) return `${h.name}: its network namespace ${h.netns} is gone`;
  const p = hostPaths(root, h.name);
  if (!h.created.mountNs || mountNsId(h.mountNsFile) === undefined) {
    return `${h.name}: its mount namespace ${h.mountNsFile} is gone`;
  }
  if (h.created.binds.length < p.binds.length) return `${h.name}: it was never fully set up`;
  const recorded = new Set(h.processes.map((r) => r.role));
  for (const g of GROUPS) {
    if (g.name === 'agentd' && h.endpoint === undefined) continue;
    const missing = g.required.filter((r) => !recorded.has(r));
    if (missing.length > 0) return `${h.name}: it was never fully started (${missing.join(', ')} never ran)`;
  }
  if (
    !canStartAgent &&
    h.endpoint !== undefined &&
    h.processes.some((r) => r.role === 'agentd' && !isAlive(r))
  ) {
    return `${h.name}: its agentd cannot be restarted without an agentd to run`;
  }
  return undefined;
}

export interface RepairOptions {
  root: string;
  agentdMain: string | undefined;
  startTimeoutMs: number;
  progress: (msg: string) => void;
}

/**
 * Restart, in place, the daemons of a host that died: same directories, ports, token and
 * database, so guests, bridges and the agent endpoint survive. A daemon is restarted with its
 * tini; the survivor of a broken pair is stopped first. Returns what was restarted.
 */
export async function repairHost(
  store: StateStore,
  name: string,
  opts: RepairOptions,
): Promise<DeadProcess[]> {
  const h = store.host(name);
  const p = hostPaths(opts.root, name);
  const record = (rec: ProcessRecord): void => store.updateHost(name, (x) => void x.processes.push(rec));
  const restarted: DeadProcess[] = [];
  for (const g of GROUPS) {
    const members = store.host(name).processes.filter((r) => (g.roles as readonly string[]).includes(r.role));
    if (members.length === 0 || members.every(isAlive)) continue;
    const dead = members.filter((r) => !isAlive(r));
    opts.progress(
      `${name}: restarting ${g.name} (${dead.map((r) => `${r.role} pid ${r.pid}`).join(', ')} not running)`,
    );
    await stopProcesses(members, 5_000);
    store.updateHost(name, (x) => void (x.processes = x.processes.filter((r) => !members.includes(r))));
    await startGroup(g.name, h, p, opts, record);
    for (const rec of store
      .host(name)
      .processes.filter((r) => (g.roles as readonly string[]).includes(r.role))) {
      restarted.push({ host: name, role: rec.role, pid: rec.pid, log: logFileOf(h.dir, rec.role) });
    }
  }
  return restarted;
}

async function startGroup(
  group: GroupName,
  h: HostState,
  p: ReturnType<typeof hostPaths>,
  opts: RepairOptions,
  record: (rec: ProcessRecord) => void,
): Promise<void> {
  switch (group) {
    case 'ovsdb-server':
      return startOvsdb(p, h.netns, record);
    case 'ovs-vswitchd':
      await startVswitchd(p, h.netns, record);
      // Its internal ports are new taps: the underlay address must be put back.
      return ensureUnderlayBridge(p, { netns: h.netns, link: 'eth0', ip: h.underlayIp });
    case 'virtlogd':
      return startVirtlogd(p, h.netns, opts.startTimeoutMs, record);
    case 'libvirtd':
      return startLibvirtd(p, h.netns, opts.startTimeoutMs, record);
    case 'agentd': {
      if (opts.agentdMain === undefined || h.endpoint === undefined) return;
      const token = ensureToken(p.tokenFile);
      const tlsDir = sandboxTlsDir(opts.root);
      return startAgent(
        opts.agentdMain,
        p,
        h.endpoint,
        token,
        opts.startTimeoutMs,
        record,
        existsSync(tlsDir) ? tlsDir : undefined,
      );
    }
  }
}
