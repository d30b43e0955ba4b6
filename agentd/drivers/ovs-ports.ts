import type { Exec } from '../util/exec.js';
import { asArray, asMap, asOptionalNumber, type OvsRow } from './ovsdb-json.js';
import { SWITCH_TABLES, Vsctl, vsctlQuote } from './vsctl.js';

/** One OVS port with its (single) interface, as ovs-vsctl reports them. */
export interface OvsPortRow {
  name: string;
  bridge: string;
  tag: number | undefined;
  protected: boolean;
  externalIds: Record<string, string>;
  /** The interface's external_ids (libvirt sets attached-mac, iface-id, vm-id there). */
  ifaceExternalIds: Record<string, string>;
  /** Interface type: '' (system), 'internal', 'vxlan', ... */
  type: string;
  options: Record<string, string>;
  ofport: number | undefined;
  /** The interface's error column (e.g. a tunnel that could not be created). */
  error: string | undefined;
  mtu: number | undefined;
}

/** A change to ports, applied in one ovs-vsctl transaction. */
export type PortChange =
  | {
      kind: 'tunnel';
      bridge: string;
      name: string;
      remoteIp: string;
      localIp: string;
      key: number;
      dstPort: number;
      tag: number;
      externalIds: Record<string, string>;
    }
  | { kind: 'delete'; name: string }
  /** A guest's existing tap plugged (back) in, as libvirt plugs it. */
  | {
      kind: 'vm-port';
      bridge: string;
      name: string;
      tag: number | null;
      externalIds: Record<string, string>;
    };

/** Port-level Open vSwitch operations (tunnels, inventory) on one host's ovsdb socket. */
export class OvsPorts {
  private readonly vsctl: Vsctl;

  constructor(exec: Exec, dbSocket: string, timeoutS = 10, file = 'ovs-vsctl') {
    this.vsctl = new Vsctl(exec, dbSocket, timeoutS, file);
  }

  /** Every port of every bridge with its interface, in one ovs-vsctl call. */
  async list(): Promise<OvsPortRow[]> {
    const [bridges, ports, interfaces] = (await this.vsctl.read(SWITCH_TABLES, 'list OVS ports')) as [
      OvsRow[],
      OvsRow[],
      OvsRow[],
    ];
    const bridgeOfPort = new Map<string, string>();
    for (const b of bridges) for (const u of asArray(b.ports)) bridgeOfPort.set(String(u), String(b.name));
    const ifaceByUuid = new Map(interfaces.map((i) => [String(i._uuid), i]));
    return ports
      .map((p): OvsPortRow => {
        const iface = ifaceByUuid.get(String(asArray(p.interfaces)[0]));
        const error = iface ? asArray(iface.error)[0] : undefined;
        return {
          name: String(p.name),
          bridge: bridgeOfPort.get(String(p._uuid)) ?? '',
          tag: asOptionalNumber(p.tag),
          protected: p.protected === true,
          externalIds: asMap(p.external_ids),
          ifaceExternalIds: asMap(iface?.external_ids),
          type: typeof iface?.type === 'string' ? iface.type : '',
          options: asMap(iface?.options),
          ofport: iface ? asOptionalNumber(iface.ofport) : undefined,
          error: error === undefined ? undefined : String(error),
          mtu: iface ? asOptionalNumber(iface.mtu) : undefined,
        };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Applies port changes in one transaction. Tunnels are VXLAN ports with a fixed key (the VNI),
   * an access tag (the port group's local VLAN on this bridge) and `protected`, so the NORMAL
   * action never forwards from one tunnel to another (split horizon: the mesh has no loops).
   */
  async apply(changes: readonly PortChange[], what: string): Promise<void> {
    if (changes.length === 0) return;
    const args: string[] = [];
    for (const c of changes) {
      if (c.kind === 'delete') {
        args.push('--', '--if-exists', 'del-port', c.name);
        continue;
      }
      if (c.kind === 'vm-port') {
        args.push('--', '--may-exist', 'add-port', c.bridge, c.name);
        if (c.tag !== null) args.push('--', 'set', 'Port', c.name, `tag=${c.tag}`);
        args.push(
          '--',
          'set',
          'Interface',
          c.name,
          ...Object.entries(c.externalIds).map(([k, v]) => `external_ids:${k}=${vsctlQuote(v)}`),
        );
        continue;
      }
      args.push(
        '--',
        '--may-exist',
        'add-port',
        c.bridge,
        c.name,
        '--',
        'set',
        'Interface',
        c.name,
        'type=vxlan',
        `options:remote_ip=${c.remoteIp}`,
        `options:local_ip=${c.localIp}`,
        `options:key=${c.key}`,
        `options:dst_port=${c.dstPort}`,
        '--',
        'set',
        'Port',
        c.name,
        `tag=${c.tag}`,
        'protected=true',
        ...Object.entries(c.externalIds).map(([k, v]) => `external_ids:${k}=${vsctlQuote(v)}`),
      );
    }
    await this.vsctl.run(args, what);
  }

  /** The MTU an interface really has (e.g. the underlay bridge), or undefined when it does not exist. */
  async interfaceMtu(name: string): Promise<number | undefined> {
    const [row] = await this.vsctl.readOne(
      { table: 'Interface', columns: ['mtu'], verb: 'find', args: [`name=${name}`] },
      `read the MTU of ${name}`,
    );
    return row ? asOptionalNumber(row.mtu) : undefined;
  }
}
