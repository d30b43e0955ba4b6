/**
 * `sandbox up --ceph`: a real Ceph cluster for the sandbox — one monitor, one manager and one
 * memstore OSD per sandbox host, each OSD under a CRUSH `host` bucket named after its host (so a
 * `host` failure domain spreads copies over the sandbox hosts). Everything runs in the underlay
 * namespace on one storage address every host reaches over its eth0; files live under
 * <root>/ceph. Every step is recorded in the state file before it exists, so down (or the undo of
 * a failed up) removes exactly that.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errors } from '../errors.js';
import { run } from '../exec.js';
import { isAlive, spawnDetached, waitFor, type ProcessRecord } from '../processes.js';
import type { StateStore } from '../state.js';
import { ceph, cephJson, inNetns, type CephTarget } from './cli.js';
import { cephConf, monAddrs } from './conf.js';
import { CEPH_ADDRESS, cephPaths, MGR_ID, MON_ID, type CephPaths } from './paths.js';

export interface StartCephOptions {
  /** Sandbox hosts to give an OSD each (CRUSH host buckets of the same names). */
  hosts: string[];
  startTimeoutMs: number;
  progress: (msg: string) => void;
}

/**
 * How often start-up asks the cluster whether it is ready. Each question starts the Python `ceph`
 * CLI, whose start costs CPU the daemons being waited for need on a small machine.
 */
const READY_POLL_INTERVAL_MS = 1_000;

const target = (store: StateStore): CephTarget => ({
  netns: store.state.underlay.netns,
  conf: cephPaths(store.state.root).conf,
});

function record(store: StateStore, rec: ProcessRecord): void {
  store.update((s) => void s.ceph!.processes.push(rec));
}

async function tool(argv: string[]): Promise<string> {
  return (await run(argv[0]!, argv.slice(1), { timeoutMs: 60_000 })).stdout;
}

/** Start a Ceph daemon in the foreground (-f) of its own session, in the underlay namespace. */
function spawnDaemon(store: StateStore, p: CephPaths, role: string, args: string[]): ProcessRecord {
  const [daemon] = role.split('.');
  const rec = spawnDetached(
    role,
    'ip',
    inNetns(store.state.underlay.netns, [`ceph-${daemon}`, '-f', '-c', p.conf, ...args]),
    { logFile: path.join(p.logDir, `${role}.out`) },
  );
  record(store, rec);
  return rec;
}

export async function startCeph(store: StateStore, opts: StartCephOptions): Promise<void> {
  const p = cephPaths(store.state.root);
  const fsid = randomUUID();
  const t0 = Date.now();
  store.update((s) => {
    s.ceph = {
      fsid,
      address: CEPH_ADDRESS,
      addressAdded: false,
      conf: p.conf,
      adminKeyring: p.adminKeyring,
      osds: [],
      processes: [],
    };
  });
  for (const dir of [p.dir, p.runDir, p.logDir, p.monData(MON_ID), p.mgrData(MGR_ID)]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  opts.progress(`ceph: storage address ${CEPH_ADDRESS} on ${store.state.underlay.bridge}`);
  store.update((s) => void (s.ceph!.addressAdded = true));
  const ul = store.state.underlay;
  await run('ip', ['-n', ul.netns, 'addr', 'add', `${CEPH_ADDRESS}/24`, 'dev', ul.bridge]);
  writeFileSync(p.conf, cephConf(fsid, p), { mode: 0o644 });

  // Keys: mon., client.admin (imported into the monitor's keyring). Never on a command line.
  await tool([
    'ceph-authtool',
    '--create-keyring',
    p.monKeyring,
    '--gen-key',
    '-n',
    'mon.',
    '--cap',
    'mon',
    'allow *',
  ]);
  await tool([
    'ceph-authtool',
    '--create-keyring',
    p.adminKeyring,
    '--gen-key',
    '-n',
    'client.admin',
    ...[
      '--cap',
      'mon',
      'allow *',
      '--cap',
      'osd',
      'allow *',
      '--cap',
      'mgr',
      'allow *',
      '--cap',
      'mds',
      'allow *',
    ],
  ]);
  await tool(['ceph-authtool', p.monKeyring, '--import-keyring', p.adminKeyring]);
  await tool(['monmaptool', '--create', '--addv', MON_ID, monAddrs(), '--fsid', fsid, p.monmap]);

  opts.progress('ceph: starting the monitor');
  const ns = ul.netns;
  await tool([
    'ip',
    ...inNetns(ns, [
      'ceph-mon',
      '-c',
      p.conf,
      '--mkfs',
      '-i',
      MON_ID,
      '--monmap',
      p.monmap,
      '--keyring',
      p.monKeyring,
    ]),
  ]);
  const mon = spawnDaemon(store, p, `mon.${MON_ID}`, ['-i', MON_ID]);
  await waitReady(
    mon,
    opts.startTimeoutMs,
    async () => (await ceph(target(store), ['mon', 'stat'])).exitCode === 0,
    p,
  );

  opts.progress('ceph: starting the manager');
  await ceph(target(store), [
    'auth',
    'get-or-create',
    `mgr.${MGR_ID}`,
    'mon',
    'allow profile mgr',
    'osd',
    'allow *',
    'mds',
    'allow *',
    '-o',
    path.join(p.mgrData(MGR_ID), 'keyring'),
  ]);
  spawnDaemon(store, p, `mgr.${MGR_ID}`, ['-i', MGR_ID]);

  for (const host of opts.hosts) await addOsd(store, host, opts);
  await waitHealthy(store, opts.startTimeoutMs, p);
  opts.progress(`ceph: up with ${opts.hosts.length} OSD(s) in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

/** A memstore OSD for `host`, placed in the CRUSH host bucket of that name (made on start). */
export async function addOsd(
  store: StateStore,
  host: string,
  opts: Pick<StartCephOptions, 'progress'>,
): Promise<void> {
  const p = cephPaths(store.state.root);
  const uuid = randomUUID();
  const secret = (await tool(['ceph-authtool', '--gen-print-key'])).trim();
  const id = Number(
    (
      await ceph(target(store), ['osd', 'new', uuid, '-i', '-'], JSON.stringify({ cephx_secret: secret }))
    ).stdout.trim(),
  );
  if (!Number.isInteger(id))
    throw errors.toolFailed(['ceph', 'osd', 'new', uuid], undefined, 'it printed no OSD id');
  store.update((s) => void s.ceph!.osds.push({ id, host }));
  opts.progress(`ceph: starting osd.${id} in CRUSH bucket host=${host}`);
  const data = p.osdData(id);
  mkdirSync(data, { recursive: true, mode: 0o700 });
  await tool([
    'ceph-authtool',
    '--create-keyring',
    path.join(data, 'keyring'),
    '--name',
    `osd.${id}`,
    '--add-key',
    secret,
  ]);
  await tool([
    'ip',
    ...inNetns(store.state.underlay.netns, [
      'ceph-osd',
      '-c',
      p.conf,
      '-i',
      String(id),
      '--mkfs',
      '--osd-uuid',
      uuid,
    ]),
  ]);
  spawnDaemon(store, p, `osd.${id}`, ['-i', String(id), '--crush-location', `root=default host=${host}`]);
}

async function waitReady(
  rec: ProcessRecord,
  timeoutMs: number,
  check: () => Promise<boolean>,
  p: CephPaths,
): Promise<void> {
  const ok = await waitFor(async () => !isAlive(rec) || (await check()), timeoutMs, READY_POLL_INTERVAL_MS);
  if (!ok || !isAlive(rec)) {
    const log = path.join(p.logDir, `${rec.role}.out`);
    throw errors.startTimeout(
      `ceph ${rec.role}`,
      timeoutMs,
      log,
      isAlive(rec) ? undefined : `${rec.role} exited`,
    );
  }
}

/** What waitHealthy reads of `ceph status --format json` (since Ceph 15 the OSD counts sit directly in osdmap). */
interface ClusterStatus {
  osdmap: { num_up_osds: number };
  mgrmap: { available: boolean };
}

/** Every recorded OSD up and a manager active (pools and `ceph df` need it): one `ceph status` per check. */
export async function waitHealthy(
  store: StateStore,
  timeoutMs: number,
  p: CephPaths = cephPaths(store.state.root),
): Promise<void> {
  const want = store.state.ceph!.osds.length;
  let last = '';
  const ok = await waitFor(
    async () => {
      const dead = store.state.ceph!.processes.find((r) => !isAlive(r));
      if (dead) return true;
      try {
        const { osdmap, mgrmap } = await cephJson<ClusterStatus>(target(store), ['status']);
        last = `${osdmap.num_up_osds}/${want} OSDs up, manager ${mgrmap.available ? 'active' : 'not active'}`;
        return osdmap.num_up_osds >= want && mgrmap.available;
      } catch {
        return false;
      }
    },
    timeoutMs,
    READY_POLL_INTERVAL_MS,
  );
  const dead = store.state.ceph!.processes.find((r) => !isAlive(r));
  if (dead) {
    throw errors.startTimeout(
      `ceph ${dead.role}`,
      timeoutMs,
      path.join(p.logDir, `${dead.role}.out`),
      `${dead.role} exited`,
    );
  }
  if (!ok) throw errors.startTimeout('the Ceph cluster', timeoutMs, p.logDir, last);
}
