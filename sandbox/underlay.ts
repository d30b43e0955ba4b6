/**
 * The hosts' shared underlay network: a Linux bridge in a namespace of its own, and one veth per
 * host (bridge side `ul-<host>`, host side `eth0`; the host's 10.250.0.<i>/24 lives on its br-phy). MTU 1600, so VXLAN with a
 * VLAN inside still fits a 1500-byte guest frame. Addresses exist only inside these namespaces.
 */
import { run } from './exec.js';
import { addNetns, deleteNetns } from './netns.js';
import { UNDERLAY } from './paths.js';

export interface UnderlayNames {
  netns: string;
  bridge: string;
}

export async function createUnderlay(u: UnderlayNames): Promise<void> {
  await addNetns(u.netns);
  const mtu = String(UNDERLAY.mtu);
  await run('ip', ['-n', u.netns, 'link', 'add', 'name', u.bridge, 'mtu', mtu, 'type', 'bridge']);
  await run('ip', ['-n', u.netns, 'link', 'set', u.bridge, 'up']);
  // Services on the underlay itself (the sandbox's Ceph monitor and OSDs) answer hosts whose
  // address sits on an OVS userspace-datapath bridge (br-phy): TCP from here arrives there with
  // bad checksums unless the bridge computes them in software.
  await run('ip', ['netns', 'exec', u.netns, 'ethtool', '-K', u.bridge, 'tx', 'off']);
}

export async function deleteUnderlay(u: UnderlayNames): Promise<void> {
  await deleteNetns(u.netns);
}

export interface UnderlayAttachment {
  hostNetns: string;
  hostVeth: string;
  underlayVeth: string;
}

/** Both underlay links of a host: eth0 (on br-phy, with the host address) and eth1 (spare, for bonds). */
export async function attachHostLinks(u: UnderlayNames, links: UnderlayAttachment[]): Promise<void> {
  for (const a of links) await attachHost(u, a);
}

/**
 * Create the veth pair directly in both namespaces (no name ever appears in the root namespace).
 * The host's address goes on its underlay bridge (underlayBridge.ts), not on the link.
 */
export async function attachHost(u: UnderlayNames, a: UnderlayAttachment): Promise<void> {
  const mtu = String(UNDERLAY.mtu);
  await run('ip', [
    'link',
    'add',
    'name',
    a.underlayVeth,
    'netns',
    u.netns,
    'mtu',
    mtu,
    'type',
    'veth',
    'peer',
    'name',
    a.hostVeth,
    'netns',
    a.hostNetns,
    'mtu',
    mtu,
  ]);
  await run('ip', ['-n', u.netns, 'link', 'set', a.underlayVeth, 'master', u.bridge, 'up']);
  await run('ip', ['-n', a.hostNetns, 'link', 'set', a.hostVeth, 'up']);
}
