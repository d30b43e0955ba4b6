/**
 * veth "VM ports" for network tests that need only a port, not a guest: a namespace of the
 * test's own holding eth0 (address, checksum offload off, as HOSTS.md measured for the userspace
 * datapath), whose peer is plugged into a host's switch with the port group's tag. Traffic goes
 * only to addresses in these namespaces.
 */
import { execa } from 'execa';
import { hostOvsVsctl, type SandboxHostInfo } from '../../../sandbox/index.js';
import { findTool } from '../../../sandbox/preflight.js';

export interface Endpoint {
  /** The test's namespace holding eth0. */
  netns: string;
  /** The host-side veth, an OVS port on the switch. */
  port: string;
  host: SandboxHostInfo;
  ip: string;
}

/** The tools these tests drive, and the Debian packages (scripts/setup-host.sh) that bring them. */
const TOOLS: Record<string, string> = {
  ping: 'iputils-ping',
  nc: 'netcat-openbsd',
  ethtool: 'ethtool',
  ss: 'iproute2',
};

/** Fails loudly, naming the package, when a tool is missing (rather than reading as "no traffic"). */
export function assertTools(): void {
  for (const [tool, pkg] of Object.entries(TOOLS)) {
    if (findTool(tool) === undefined)
      throw new Error(`${tool} is missing: install the Debian package ${pkg} (scripts/setup-host.sh)`);
  }
}

async function sh(argv: string[]): Promise<string> {
  const r = await execa(argv[0]!, argv.slice(1), { reject: false, stdin: 'ignore', timeout: 30_000 });
  if (r.exitCode !== 0) throw new Error(`${argv.join(' ')} failed (${r.exitCode}): ${r.stderr}`);
  return String(r.stdout);
}

/**
 * `name` (at most 15 characters) names the host-side port; the namespace is `${prefix}-${name}`.
 * With `mac`, the endpoint stands in for that VM NIC: eth0 gets the MAC, and the OVS interface
 * gets external_ids:attached-mac as libvirt sets it on a guest's tap (how agentd finds NICs).
 */
export async function plugEndpoint(
  prefix: string,
  name: string,
  host: SandboxHostInfo,
  bridge: string,
  tag: number,
  cidr: string,
  mac?: string,
): Promise<Endpoint> {
  assertTools();
  const netns = `${prefix}-${name}`;
  await sh(['ip', 'netns', 'add', netns]);
  await sh([
    'ip',
    'link',
    'add',
    name,
    'netns',
    host.netns,
    'type',
    'veth',
    'peer',
    'name',
    'eth0',
    'netns',
    netns,
  ]);
  await sh(['ip', '-n', netns, 'link', 'set', 'lo', 'up']);
  if (mac !== undefined) await sh(['ip', '-n', netns, 'link', 'set', 'eth0', 'address', mac]);
  await sh(['ip', '-n', netns, 'addr', 'add', cidr, 'dev', 'eth0']);
  await sh(['ip', '-n', netns, 'link', 'set', 'eth0', 'up']);
  await sh(['ip', 'netns', 'exec', netns, 'ethtool', '-K', 'eth0', 'tx', 'off']);
  await sh(['ip', '-n', host.netns, 'link', 'set', name, 'up']);
  const asNic = mac === undefined ? [] : ['--', 'set', 'Interface', name, `external_ids:attached-mac=${mac}`];
  await hostOvsVsctl(host, ['add-port', bridge, name, `tag=${tag}`, ...asNic]);
  return { netns, port: name, host, ip: cidr.split('/')[0]! };
}

export async function unplugEndpoint(e: Endpoint): Promise<void> {
  await hostOvsVsctl(e.host, ['--if-exists', 'del-port', e.port], { reject: false });
  await execa('ip', ['netns', 'delete', e.netns], { reject: false });
}

/** True when `count` pings from `from` to `ip` all get an answer. */
export async function pings(from: Endpoint, ip: string, count = 2): Promise<boolean> {
  const r = await execa('ip', ['netns', 'exec', from.netns, 'ping', '-c', String(count), '-W', '2', ip], {
    reject: false,
  });
  return r.exitCode === 0;
}

/**
 * Sends `bytes` zero bytes over TCP from one endpoint to another's `port` with nc; resolves with
 * the number of bytes that arrived and the throughput (bytes/s), or 0 when no connection was made.
 */
export async function tcpTransfer(
  from: Endpoint,
  to: Endpoint,
  port: number,
  bytes: number,
): Promise<{ received: number; bytesPerSecond: number }> {
  const server = execa('ip', ['netns', 'exec', to.netns, 'timeout', '90', 'nc', '-l', '-p', String(port)], {
    reject: false,
    encoding: 'buffer',
  });
  await waitForListener(to, port);
  const started = Date.now();
  await execa(
    'ip',
    ['netns', 'exec', from.netns, 'timeout', '90', 'nc', '-N', '-w', '10', to.ip, String(port)],
    { reject: false, input: Buffer.alloc(bytes) },
  );
  const result = await server;
  const seconds = Math.max((Date.now() - started) / 1000, 0.001);
  const received = (result.stdout as unknown as Uint8Array).length;
  return { received, bytesPerSecond: received / seconds };
}

/** Whether a TCP connection from `from` to ip:port is accepted within 2 s (a listener must be up). */
export async function tcpConnects(from: Endpoint, ip: string, port: number): Promise<boolean> {
  const r = await execa('ip', ['netns', 'exec', from.netns, 'nc', '-z', '-w', '2', ip, String(port)], {
    reject: false,
  });
  return r.exitCode === 0;
}

async function waitForListener(e: Endpoint, port: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const r = await execa('ip', ['netns', 'exec', e.netns, 'ss', '-Hltn', `sport = :${port}`], {
      reject: false,
    });
    if (String(r.stdout).trim() !== '') return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`nothing listens on port ${port} in ${e.netns}`);
}

/** Runs a command in the endpoint's namespace; resolves with its exit code. */
export async function inEndpoint(e: Endpoint, argv: string[]): Promise<number> {
  const r = await execa('ip', ['netns', 'exec', e.netns, ...argv], { reject: false, timeout: 30_000 });
  return r.exitCode ?? -1;
}

/** A TCP listener on `port` in the endpoint that accepts any number of connections; stop() ends it. */
export function listen(e: Endpoint, port: number): { stop(): void } {
  const p = execa('ip', ['netns', 'exec', e.netns, 'nc', '-lk', '-p', String(port)], { reject: false });
  return { stop: () => void p.kill() };
}

/**
 * Pings `ip` every 50 ms while `during` runs; resolves with the longest run of lost replies in
 * milliseconds (the outage a link failure caused, at 50 ms resolution).
 */
export async function longestOutageMs(
  from: Endpoint,
  ip: string,
  during: () => Promise<void>,
): Promise<number> {
  const ping = execa('ip', ['netns', 'exec', from.netns, 'ping', '-i', '0.05', '-W', '1', ip], {
    reject: false,
  });
  await new Promise((r) => setTimeout(r, 500));
  await during();
  await new Promise((r) => setTimeout(r, 1000));
  ping.kill('SIGINT');
  const out = String((await ping).stdout);
  const seqs = [...out.matchAll(/icmp_seq=(\d+)/g)].map((m) => Number(m[1]));
  let worst = 0;
  for (let i = 1; i < seqs.length; i++) worst = Math.max(worst, seqs[i]! - seqs[i - 1]! - 1);
  return worst * 50;
}
