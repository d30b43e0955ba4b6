/**
 * The host side of the underlay, laid out as Open vSwitch's userspace datapath needs it for
 * VXLAN: an OVS bridge `br-phy` (datapath_type=netdev) holding the host's underlay link (eth0),
 * with the host's underlay address on br-phy itself. ovs-vswitchd then routes tunnel packets
 * through br-phy (its own route and ARP tables); nssv's switches put their tunnels on their own
 * integration bridges. Checksum offload is turned off on br-phy so the kernel's own traffic
 * (agent-to-agent, migration) leaves with complete checksums through the userspace datapath.
 * Idempotent: it also re-asserts the address after ovs-vswitchd restarted (its taps are new).
 */
import { run } from './exec.js';
import { ovsDbRemote, ovsEnv } from './ovs.js';
import type { HostPaths } from './paths.js';
import { UNDERLAY } from './paths.js';

export const UNDERLAY_BRIDGE = 'br-phy';

export interface UnderlayBridge {
  netns: string;
  /** The host's underlay link, e.g. eth0. */
  link: string;
  ip: string;
}

export async function ensureUnderlayBridge(p: HostPaths, u: UnderlayBridge): Promise<void> {
  const mtu = String(UNDERLAY.mtu);
  await run(
    'ovs-vsctl',
    [
      `--db=${ovsDbRemote(p.ovsDbSocket)}`,
      '--timeout=10',
      '--may-exist',
      'add-br',
      UNDERLAY_BRIDGE,
      '--',
      'set',
      'Bridge',
      UNDERLAY_BRIDGE,
      'datapath_type=netdev',
      '--',
      'set',
      'Interface',
      UNDERLAY_BRIDGE,
      `mtu_request=${mtu}`,
      '--',
      '--may-exist',
      'add-port',
      UNDERLAY_BRIDGE,
      u.link,
    ],
    { env: ovsEnv(p) },
  );
  await run('ip', [
    '-n',
    u.netns,
    'addr',
    'replace',
    `${u.ip}/${UNDERLAY.prefixLength}`,
    'dev',
    UNDERLAY_BRIDGE,
  ]);
  await run('ip', ['-n', u.netns, 'link', 'set', UNDERLAY_BRIDGE, 'mtu', mtu, 'up']);
  await run('ip', ['netns', 'exec', u.netns, 'ethtool', '-K', UNDERLAY_BRIDGE, 'tx', 'off']);
}
