/**
 * A "top of rack" switch for bond tests: an Open vSwitch of the test's own in the sandbox's
 * underlay namespace, taking both underlay links of the given hosts into an LACP bond each (the
 * port channel a physical switch would be configured with). The sandbox's Linux bridge cannot
 * speak LACP, and this kernel has no bonding driver, so OVS plays the switch. stop() kills
 * exactly the two daemons it started and gives the links back to the Linux bridge.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

export interface Tor {
  stop(): Promise<void>;
}

export async function startLacpTor(
  underlay: { netns: string; bridge: string },
  hosts: string[],
): Promise<Tor> {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-tor-'));
  const env = { OVS_RUNDIR: dir, OVS_DBDIR: dir, OVS_LOGDIR: dir, OVS_SYSCONFDIR: dir };
  const run = async (argv: string[]) => {
    const r = await execa(argv[0]!, argv.slice(1), { env, reject: false, stdin: 'ignore', timeout: 30_000 });
    if (r.exitCode !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  };
  const inNs = (argv: string[]) => run(['ip', 'netns', 'exec', underlay.netns, ...argv]);
  const vsctl = (args: string[]) =>
    run(['ovs-vsctl', `--db=unix:${join(dir, 'db.sock')}`, '--timeout=10', ...args]);
  const db = join(dir, 'conf.db');
  await run(['ovsdb-tool', 'create', db, '/usr/share/openvswitch/vswitch.ovsschema']);
  const daemon = ['--detach', '--no-chdir'];
  await inNs([
    'ovsdb-server',
    db,
    `--remote=punix:${join(dir, 'db.sock')}`,
    `--pidfile=${join(dir, 'db.pid')}`,
    `--log-file=${join(dir, 'db.log')}`,
    ...daemon,
  ]);
  await vsctl(['--no-wait', 'init']);
  await inNs([
    'ovs-vswitchd',
    `unix:${join(dir, 'db.sock')}`,
    `--pidfile=${join(dir, 'vs.pid')}`,
    `--log-file=${join(dir, 'vs.log')}`,
    ...daemon,
  ]);
  await vsctl(['add-br', 'tor', '--', 'set', 'Bridge', 'tor', 'datapath_type=netdev']);
  for (const h of hosts) {
    const links = [`ul-${h}`, `ulb-${h}`];
    for (const l of links) await run(['ip', '-n', underlay.netns, 'link', 'set', l, 'nomaster']);
    await vsctl([
      'add-bond',
      'tor',
      `lg-${h}`,
      ...links,
      'lacp=active',
      'bond_mode=balance-tcp',
      'other_config:lacp-time=fast',
      ...links.flatMap((l) => ['--', 'set', 'Interface', l, 'mtu_request=1600']),
    ]);
  }
  return {
    async stop() {
      for (const pid of ['vs.pid', 'db.pid']) {
        try {
          process.kill(Number(readFileSync(join(dir, pid), 'utf8').trim()), 'SIGTERM');
        } catch {
          // already gone
        }
      }
      await new Promise((r) => setTimeout(r, 500));
      for (const h of hosts) {
        for (const l of [`ul-${h}`, `ulb-${h}`]) {
          await execa('ip', ['-n', underlay.netns, 'link', 'set', l, 'master', underlay.bridge, 'up'], {
            reject: false,
          });
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
