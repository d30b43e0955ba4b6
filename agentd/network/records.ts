/**
 * What nssv records on the OVS bridges it manages (external_ids), so the host alone says what
 * it has: `nssv-address` (the switch's nssv address), `nssv-switch` (transport, VXLAN port,
 * tunnel peers) and one `nssv-pg-<name>` per port group (address, VLAN or VNI, local tag).
 */
import type { PortGroupInfo, SwitchInfo } from '../../schemas/generated/agentApi.js';
import type { OvsBridge } from '../drivers/ovs.js';

export const ADDRESS_KEY = 'nssv-address';
export const SWITCH_KEY = 'nssv-switch';
export const PORT_GROUP_KEY_PREFIX = 'nssv-pg-';

export type SwitchRecord = Pick<SwitchInfo, 'transport' | 'vxlanPort' | 'peers'>;

export type PortGroupRecord = Pick<PortGroupInfo, 'address' | 'vlanId' | 'vni' | 'tag'>;

export function isManaged(bridge: OvsBridge): boolean {
  return bridge.externalIds[ADDRESS_KEY] !== undefined;
}

/** A bridge made before transports existed has no record: a vlan switch. */
export function switchRecord(bridge: OvsBridge): SwitchRecord {
  const fallback: SwitchRecord = { transport: 'vlan', vxlanPort: 4789, peers: [] };
  const raw = bridge.externalIds[SWITCH_KEY];
  if (raw === undefined) return fallback;
  try {
    const r = JSON.parse(raw) as Partial<SwitchRecord>;
    return {
      transport: r.transport === 'vxlan' ? 'vxlan' : 'vlan',
      vxlanPort: typeof r.vxlanPort === 'number' ? r.vxlanPort : 4789,
      peers: Array.isArray(r.peers)
        ? r.peers.filter((p) => typeof p?.host === 'string' && typeof p?.ip === 'string')
        : [],
    };
  } catch {
    return fallback;
  }
}

/** The bridge's own record (uplinks are read from their ports: see uplinks.ts). */
export function switchInfo(
  bridge: OvsBridge,
): Omit<SwitchInfo, 'uplinks' | 'bondMode' | 'lacp' | 'uplinkState' | 'detachedNics'> {
  const r = switchRecord(bridge);
  return {
    name: bridge.name,
    address: bridge.externalIds[ADDRESS_KEY]!,
    mtu: bridge.mtuRequest ?? 1500,
    transport: r.transport,
    vxlanPort: r.vxlanPort,
    peers: r.peers,
  };
}

export function portGroupInfos(bridge: OvsBridge): PortGroupInfo[] {
  return Object.entries(bridge.externalIds)
    .filter(([k]) => k.startsWith(PORT_GROUP_KEY_PREFIX))
    .flatMap(([k, v]) => {
      const record = parseRecord(v);
      return record ? [{ switch: bridge.name, name: k.slice(PORT_GROUP_KEY_PREFIX.length), ...record }] : [];
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function parseRecord(value: string): PortGroupRecord | undefined {
  try {
    const r = JSON.parse(value) as Partial<PortGroupRecord>;
    if (typeof r.address !== 'string') return undefined;
    const vlanId = typeof r.vlanId === 'number' ? r.vlanId : null;
    return {
      address: r.address,
      vlanId,
      vni: typeof r.vni === 'number' ? r.vni : null,
      tag: typeof r.tag === 'number' ? r.tag : vlanId,
    };
  } catch {
    return undefined;
  }
}

/** The lowest VLAN tag (1–4094) no other port group of the bridge uses: a VNI's local tag. */
export function localTag(others: readonly PortGroupInfo[]): number {
  const used = new Set(others.map((p) => p.tag));
  for (let t = 1; t <= 4094; t++) if (!used.has(t)) return t;
  throw new Error('bug: more than 4094 port groups on one bridge');
}
