/**
 * The VXLAN mesh of one switch on one host, as a pure diff: one tunnel port per (peer host,
 * VXLAN port group). A tunnel carries one VNI (options:key) and is an access port of the port
 * group's local tag, so the bridge's NORMAL action switches the segment like a VLAN; tunnels are
 * `protected`, so a frame that came in over one tunnel never leaves over another (split horizon,
 * no loops in the full mesh). Tunnel ports carry nssv-* external_ids naming switch, peer and VNI.
 */
import { createHash } from 'node:crypto';
import type { PortGroupInfo, TunnelInfo, TunnelPeer } from '../../schemas/generated/agentApi.js';
import type { OvsPortRow, PortChange } from '../drivers/ovs-ports.js';

export const TUNNEL_SWITCH_KEY = 'nssv-switch';
export const TUNNEL_PEER_KEY = 'nssv-peer';
export const TUNNEL_VNI_KEY = 'nssv-vni';

/** A deterministic port name, unique per (switch, peer, VNI), within the 15 characters of an interface name. */
export function tunnelPortName(bridge: string, peer: string, vni: number): string {
  return `vx${createHash('sha256').update(`${bridge}\0${peer}\0${vni}`).digest('hex').slice(0, 11)}`;
}

export interface MeshInput {
  bridge: string;
  localIp: string;
  dstPort: number;
  peers: readonly TunnelPeer[];
  /** The switch's port groups on this host (those with a vni and a tag carry tunnels). */
  portGroups: readonly PortGroupInfo[];
  /** Every port on the host (tunnels of this bridge are picked out by their external_ids). */
  ports: readonly OvsPortRow[];
}

/** What to add, change and remove so exactly the wanted tunnels exist, each as wanted. */
export function meshChanges(m: MeshInput): PortChange[] {
  const wanted = new Map<string, Extract<PortChange, { kind: 'tunnel' }>>();
  for (const pg of m.portGroups) {
    if (pg.vni === null || pg.tag === null) continue;
    for (const peer of m.peers) {
      const name = tunnelPortName(m.bridge, peer.host, pg.vni);
      wanted.set(name, {
        kind: 'tunnel',
        bridge: m.bridge,
        name,
        remoteIp: peer.ip,
        localIp: m.localIp,
        key: pg.vni,
        dstPort: m.dstPort,
        tag: pg.tag,
        externalIds: {
          [TUNNEL_SWITCH_KEY]: m.bridge,
          [TUNNEL_PEER_KEY]: peer.host,
          [TUNNEL_VNI_KEY]: String(pg.vni),
        },
      });
    }
  }
  const changes: PortChange[] = [];
  const existing = m.ports.filter((p) => p.externalIds[TUNNEL_SWITCH_KEY] === m.bridge);
  for (const p of existing) if (!wanted.has(p.name)) changes.push({ kind: 'delete', name: p.name });
  for (const [name, w] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const have = m.ports.find((p) => p.name === name);
    if (have && have.bridge === m.bridge && sameTunnel(have, w)) continue;
    if (have && have.bridge !== m.bridge) changes.push({ kind: 'delete', name });
    changes.push(w);
  }
  return changes;
}

function sameTunnel(p: OvsPortRow, w: Extract<PortChange, { kind: 'tunnel' }>): boolean {
  return (
    p.type === 'vxlan' &&
    p.options.remote_ip === w.remoteIp &&
    p.options.local_ip === w.localIp &&
    p.options.key === String(w.key) &&
    p.options.dst_port === String(w.dstPort) &&
    p.tag === w.tag &&
    p.protected &&
    Object.entries(w.externalIds).every(([k, v]) => p.externalIds[k] === v)
  );
}

/** The tunnels nssv made, as they really are (inventory). */
export function tunnelInfos(ports: readonly OvsPortRow[]): TunnelInfo[] {
  return ports
    .filter((p) => p.externalIds[TUNNEL_SWITCH_KEY] !== undefined && p.type === 'vxlan')
    .map((p) => ({
      switch: p.externalIds[TUNNEL_SWITCH_KEY]!,
      port: p.name,
      peer: p.externalIds[TUNNEL_PEER_KEY] ?? '',
      remoteIp: p.options.remote_ip ?? '',
      vni: Number(p.options.key ?? p.externalIds[TUNNEL_VNI_KEY]),
      tag: p.tag ?? null,
      up: p.error === undefined && p.ofport !== undefined && p.ofport > 0,
    }))
    .sort((a, b) => (a.switch + a.port < b.switch + b.port ? -1 : 1));
}
