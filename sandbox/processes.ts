/**
 * Processes the sandbox starts: identity (pid + start time, so a recycled pid is never killed),
 * liveness (a zombie counts as gone), detached spawning and stopping (TERM, then KILL).
 */
import { openSync, closeSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { execa, type Options } from 'execa';
import { errors } from './errors.js';

export interface ProcessRecord {
  /** What it is: 'ovsdb-server', 'libvirtd', 'agentd', ... */
  role: string;
  pid: number;
  /** Start time in clock ticks since boot (/proc/<pid>/stat field 22). */
  startTicks: number;
}

interface ProcStat {
  state: string;
  ppid: number;
  startTicks: number;
}

export function readProcStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // comm (field 2) may contain spaces and parentheses: parse after the last ')'.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = rest[0] ?? '?';
  const ppid = Number(rest[1]);
  const startTicks = Number(rest[19]);
  return { state, ppid, startTicks };
}

export function recordOf(role: string, pid: number): ProcessRecord {
  const stat = readProcStat(pid);
  if (stat === undefined)
    throw errors.toolFailed([role], undefined, `process ${pid} exited right after it started`);
  return { role, pid, startTicks: stat.startTicks };
}

/** True while the very process we started runs (not a zombie, not a recycled pid). */
export function isAlive(rec: ProcessRecord): boolean {
  const stat = readProcStat(rec.pid);
  if (stat === undefined) return false;
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
  return stat.startTicks === rec.startTicks;
}

/**
 * True once the process is gone from /proc: exited and reaped by its parent (a zombie still has
 * its /proc entry), or its pid now belongs to another process.
 */
export function isReaped(rec: ProcessRecord): boolean {
  const stat = readProcStat(rec.pid);
  return stat === undefined || stat.startTicks !== rec.startTicks;
}

export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(Number(entry));
    if (stat?.ppid === pid && stat.state !== 'Z') out.push(Number(entry));
  }
  return out;
}

/** Mount namespace id of a process ("mnt:[4026532...]"), or undefined when it is gone. */
export function mountNsOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/mnt`);
  } catch {
    return undefined;
  }
}

/** Every live process whose mount namespace is `nsId` (as readlink /proc/<pid>/ns/mnt prints it). */
export function processesInMountNs(nsId: string): ProcessRecord[] {
  const out: ProcessRecord[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (mountNsOf(pid) !== nsId) continue;
    const stat = readProcStat(pid);
    if (stat === undefined || stat.state === 'Z') continue;
    let comm = 'process';
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      // gone meanwhile
    }
    out.push({ role: comm, pid, startTicks: stat.startTicks });
  }
  return out;
}

export interface SpawnOptions {
  logFile: string;
  env?: Record<string, string>;
  cwd?: string;
}

/** Start a long-running process detached from us (own session), output appended to logFile. */
export function spawnDetached(
  role: string,
  cmd: string,
  args: readonly string[],
  opts: SpawnOptions,
): ProcessRecord {
  // A real file descriptor (not a pipe through us): the daemon keeps writing after we exit.
  const fd = openSync(opts.logFile, 'a', 0o600);
  // execa's types accept only literal fd numbers; a runtime number is passed natively all the same.
  const output = { stdout: fd, stderr: fd } as unknown as Pick<Options, 'stdout' | 'stderr'>;
  try {
    const child = execa(cmd, args, {
      detached: true,
      cleanup: false,
      stdin: 'ignore',
      ...output,
      reject: false,
      cwd: opts.cwd ?? '/',
      env: opts.env ?? {},
      extendEnv: true,
    });
    child.catch(() => undefined);
    child.unref();
    if (child.pid === undefined) throw errors.toolFailed([cmd, ...args], undefined, `could not start ${cmd}`);
    return recordOf(role, child.pid);
  } finally {
    closeSync(fd);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function signal(rec: ProcessRecord, sig: NodeJS.Signals): void {
  if (!isAlive(rec)) return;
  try {
    process.kill(rec.pid, sig);
  } catch {
    // already gone
  }
}

async function waitGone(recs: ProcessRecord[], timeoutMs: number): Promise<ProcessRecord[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = recs.filter(isAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(25);
    alive = alive.filter(isAlive);
  }
  return alive;
}

/**
 * How long an exited process may stay a zombie before stop gives up on it. Daemons that detach
 * (ovsdb-server, ovs-vswitchd) and the tinis are children of PID 1 once `up` has exited; this
 * machine's PID 1 reaps them about every 2 s.
 */
export const REAP_TIMEOUT_MS = 15_000;

/** Wait until every process has left /proc (reaped); returns those still there after timeoutMs. */
export async function waitReaped(
  recs: ProcessRecord[],
  timeoutMs = REAP_TIMEOUT_MS,
): Promise<ProcessRecord[]> {
  const deadline = Date.now() + timeoutMs;
  let left = recs.filter((r) => !isReaped(r));
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(25);
    left = left.filter((r) => !isReaped(r));
  }
  return left;
}

/**
 * TERM every live process, wait up to termTimeoutMs, then KILL the rest; returns only once every
 * one of them is gone and reaped (no zombie left behind), else throws naming what is left.
 */
export async function stopProcesses(recs: ProcessRecord[], termTimeoutMs = 5_000): Promise<void> {
  const alive = recs.filter(isAlive);
  for (const rec of alive) signal(rec, 'SIGTERM');
  const stubborn = await waitGone(alive, termTimeoutMs);
  for (const rec of stubborn) signal(rec, 'SIGKILL');
  const left = await waitGone(stubborn, 3_000);
  if (left.length > 0) throw errors.stopFailed(left.map((r) => r.pid));
  const zombies = await waitReaped(recs);
  if (zombies.length > 0)
    throw errors.notReaped(zombies.map((r) => ({ pid: r.pid, ppid: readProcStat(r.pid)?.ppid })));
}

export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}
