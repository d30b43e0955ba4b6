/**
 * One Open vSwitch per simulated host (ovsdb-server + ovs-vswitchd, userspace datapath), with its
 * own run/db/log directories, running in the host's network and mount namespaces.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { errors } from './errors.js';
import { run, succeeds } from './exec.js';
import { netnsPath } from './netns.js';
import { ovsLogFile, type HostPaths } from './paths.js';
import { recordOf, type ProcessRecord } from './processes.js';

export const OVS_SCHEMA = '/usr/share/openvswitch/vswitch.ovsschema';

export function ovsEnv(p: HostPaths): Record<string, string> {
  return { OVS_RUNDIR: p.ovs.run, OVS_DBDIR: p.ovs.db, OVS_LOGDIR: p.ovs.log, OVS_SYSCONFDIR: p.ovs.db };
}

export const ovsDbRemote = (socket: string): string => `unix:${socket}`;

function readPidFile(file: string, role: string): ProcessRecord {
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) throw errors.toolFailed([role], undefined, `bad pid file ${file}`);
  return recordOf(role, pid);
}

/** Start ovsdb-server then ovs-vswitchd (each returns once ready); returns their records as they start. */
export async function startOvs(
  p: HostPaths,
  netns: string,
  onStarted: (rec: ProcessRecord) => void,
): Promise<void> {
  await startOvsdb(p, netns, onStarted);
  await startVswitchd(p, netns, onStarted);
}

const enterHost = (p: HostPaths, netns: string): string[] => [
  `--mount=${p.mountNsFile}`,
  `--net=${netnsPath(netns)}`,
];

/** ovsdb-server on the host's database (created on first start; kept on a restart). */
export async function startOvsdb(
  p: HostPaths,
  netns: string,
  onStarted: (rec: ProcessRecord) => void,
): Promise<void> {
  for (const dir of [p.ovs.run, p.ovs.db, p.ovs.log]) mkdirSync(dir, { recursive: true });
  if (!existsSync(OVS_SCHEMA)) throw errors.missingTool('openvswitch-switch');
  const env = ovsEnv(p);
  if (!existsSync(p.ovsDbFile)) await run('ovsdb-tool', ['create', p.ovsDbFile, OVS_SCHEMA], { env });
  const dbPid = path.join(p.ovs.run, 'ovsdb-server.pid');
  await run(
    'nsenter',
    [
      ...enterHost(p, netns),
      'ovsdb-server',
      p.ovsDbFile,
      `--remote=punix:${p.ovsDbSocket}`,
      `--pidfile=${dbPid}`,
      `--log-file=${ovsLogFile(p.dir, 'ovsdb-server')}`,
      '--detach',
      '--no-chdir',
    ],
    { env },
  );
  onStarted(readPidFile(dbPid, 'ovsdb-server'));
  await run('ovs-vsctl', [`--db=${ovsDbRemote(p.ovsDbSocket)}`, '--no-wait', 'init'], { env });
}

export async function startVswitchd(
  p: HostPaths,
  netns: string,
  onStarted: (rec: ProcessRecord) => void,
): Promise<void> {
  const swPid = path.join(p.ovs.run, 'ovs-vswitchd.pid');
  await run(
    'nsenter',
    [
      ...enterHost(p, netns),
      'ovs-vswitchd',
      ovsDbRemote(p.ovsDbSocket),
      `--pidfile=${swPid}`,
      `--log-file=${ovsLogFile(p.dir, 'ovs-vswitchd')}`,
      '--detach',
      '--no-chdir',
    ],
    { env: ovsEnv(p) },
  );
  onStarted(readPidFile(swPid, 'ovs-vswitchd'));
}

export const ovsReachable = (dbSocket: string): Promise<boolean> =>
  succeeds('ovs-vsctl', [`--db=${ovsDbRemote(dbSocket)}`, '--timeout=3', 'show'], 5_000);
