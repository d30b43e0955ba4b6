/**
 * A switch's uplinks: the host NICs that connect it to the physical network, plugged into an OVS
 * bridge - the switch itself (vlan transport: a trunk carrying the port groups' tags) or the
 * underlay bridge (vxlan transport: the tunnels' way out). One NIC is a plain port; two or more
 * form an OVS bond (active-backup, balance-slb, or balance-tcp with LACP: OVS's L2-L4 hash).
 * A NIC that was already a plain port of that bridge (the host's own underlay link) is taken
 * into the bond and given back when the uplinks go. Ports carry external_ids:nssv-uplink-of.
 */
import { createHash } from 'node:crypto';
import type { SwitchInfo, SwitchSpec, SwitchSpecLacp } from '../../schemas/generated/agentApi.js';
import type { Exec } from '../util/exec.js';
import { asArray, asMap, type OvsRow } from '../drivers/ovsdb-json.js';
import { SWITCH_TABLES, Vsctl, vsctlQuote } from '../drivers/vsctl.js';

export const UPLINK_OF_KEY = 'nssv-uplink-of';
export const REPLACED_KEY = 'nssv-replaced';

export interface UplinkWant {
  bridge: string;
  /** The switch the uplinks belong to. */
  owner: string;
  uplinks: string[];
  bondMode: NonNullable<SwitchSpec['bondMode']>;
  lacp: SwitchSpecLacp | null;
}

export type UplinkState = Pick<SwitchInfo, 'uplinks' | 'bondMode' | 'lacp' | 'uplinkState'>;

export const bondName = (owner: string): string =>
  `bd${createHash('sha256').update(owner).digest('hex').slice(0, 11)}`;

interface PortRow {
  name: string;
  bridge: string;
  ids: Record<string, string>;
  members: string[];
  bondMode: string | null;
  lacp: string | null;
  lacpTime: string | null;
  activeMac: string | null;
}

export class Uplinks {
  private readonly vsctl: Vsctl;

  constructor(exec: Exec, dbSocket: string, file = 'ovs-vsctl') {
    this.vsctl = new Vsctl(exec, dbSocket, 10, file);
  }

  private async read(): Promise<{ ports: PortRow[]; ifaces: OvsRow[] }> {
    const [bridges, ports, ifaces] = (await this.vsctl.read(SWITCH_TABLES, 'list OVS uplinks')) as [
      OvsRow[],
      OvsRow[],
      OvsRow[],
    ];
    const bridgeOf = new Map<string, string>();
    for (const b of bridges) for (const u of asArray(b.ports)) bridgeOf.set(String(u), String(b.name));
    const ifaceName = new Map(ifaces.map((i) => [String(i._uuid), String(i.name)]));
    const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    return {
      ifaces,
      ports: ports.map((p) => ({
        name: String(p.name),
        bridge: bridgeOf.get(String(p._uuid)) ?? '',
        ids: asMap(p.external_ids),
        members: asArray(p.interfaces)
          .map((u) => ifaceName.get(String(u)) ?? '')
          .sort(),
        bondMode: str(p.bond_mode),
        lacp: str(p.lacp),
        lacpTime: asMap(p.other_config)['lacp-time'] ?? null,
        activeMac: str(p.bond_active_slave),
      })),
    };
  }

  /** Makes the owner's uplinks exactly `w` (none: removes them and gives back replaced ports), in one transaction. */
  async converge(w: UplinkWant): Promise<void> {
    const { ports } = await this.read();
    const ours = ports.filter((p) => p.ids[UPLINK_OF_KEY] === w.owner);
    const replaced = [
      ...new Set(ours.flatMap((p) => (p.ids[REPLACED_KEY] ?? '').split(',').filter(Boolean))),
    ];
    const name = w.uplinks.length === 1 ? w.uplinks[0]! : bondName(w.owner);
    const members = [...w.uplinks].sort();
    const same =
      ours.length === 1 &&
      ours[0]!.name === name &&
      ours[0]!.bridge === w.bridge &&
      JSON.stringify(ours[0]!.members) === JSON.stringify(members);
    const args: string[] = [];
    if (!same) {
      for (const p of ours) args.push('--', 'del-port', p.name);
      // A NIC that is a plain port elsewhere on the bridge (the host's underlay link) joins the bond.
      for (const nic of w.uplinks) {
        const plain = ports.find((p) => p.name === nic && p.ids[UPLINK_OF_KEY] === undefined);
        if (!plain) continue;
        if (plain.bridge !== w.bridge) {
          throw new Error(
            `uplink ${nic} is already a port of OVS bridge ${plain.bridge}; an uplink can serve one bridge`,
          );
        }
        args.push('--', 'del-port', nic);
        if (!replaced.includes(nic)) replaced.push(nic);
      }
      if (w.uplinks.length === 0) {
        for (const nic of replaced) args.push('--', '--may-exist', 'add-port', w.bridge, nic);
      } else if (w.uplinks.length === 1) {
        args.push('--', 'add-port', w.bridge, name);
      } else {
        args.push('--', 'add-bond', w.bridge, name, ...members);
      }
    }
    if (w.uplinks.length > 0) {
      const keep = replaced.filter((n) => w.uplinks.includes(n));
      const restore = replaced.filter((n) => !w.uplinks.includes(n));
      for (const nic of restore) args.push('--', '--may-exist', 'add-port', w.bridge, nic);
      args.push('--', 'set', 'Port', name, `external_ids:${UPLINK_OF_KEY}=${vsctlQuote(w.owner)}`);
      args.push(`external_ids:${REPLACED_KEY}=${vsctlQuote(keep.join(','))}`);
      if (w.uplinks.length > 1) {
        args.push(
          `bond_mode=${w.bondMode}`,
          `lacp=${w.lacp ? w.lacp.mode : 'off'}`,
          `other_config:lacp-time=${w.lacp?.rate ?? 'slow'}`,
          'other_config:bond-detect-mode=carrier',
          'other_config:lacp-fallback-ab=false',
        );
      }
    }
    if (args.length > 0) await this.vsctl.run(args, `set the uplinks of switch ${w.owner}`);
  }

  /** The owner's uplinks as OVS has them. */
  async state(owner: string): Promise<UplinkState> {
    const { ports, ifaces } = await this.read();
    const p = ports.find((x) => x.ids[UPLINK_OF_KEY] === owner);
    if (!p) return { uplinks: [], bondMode: null, lacp: null, uplinkState: [] };
    const bond = p.members.length > 1;
    return {
      uplinks: p.members,
      bondMode: bond ? p.bondMode : null,
      lacp:
        bond && (p.lacp === 'active' || p.lacp === 'passive')
          ? { mode: p.lacp, rate: p.lacpTime === 'fast' ? 'fast' : 'slow' }
          : null,
      uplinkState: p.members.map((m) => {
        const i = ifaces.find((x) => x.name === m);
        const up = i?.link_state === 'up';
        const active = !bond || p.bondMode !== 'active-backup' ? up : i?.mac_in_use === p.activeMac;
        return { name: m, up, active };
      }),
    };
  }
}
