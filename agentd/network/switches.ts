import { setTimeout as sleep } from 'node:timers/promises';
import { freshReads } from '../util/readScope.js';
import type {
  DeleteResult,
  PortGroupInfo,
  PortGroupSpec,
  SwitchInfo,
  SwitchSpec,
  TunnelInfo,
  UnmanagedSwitchInfo,
} from '../../schemas/generated/agentApi.js';
import { isValidName } from '../names.js';
import type { OvsBridge, Ovs } from '../drivers/ovs.js';
import type { OvsPorts } from '../drivers/ovs-ports.js';
import { errors } from '../errors.js';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';
import {
  ADDRESS_KEY,
  PORT_GROUP_KEY_PREFIX,
  SWITCH_KEY,
  isManaged,
  localTag,
  portGroupInfos,
  switchInfo,
  switchRecord,
  type PortGroupRecord,
} from './records.js';
import { meshChanges, tunnelInfos } from './tunnels.js';
import { bondName as bondNameOf, type Uplinks } from './uplinks.js';
import { detachedNics, replugChange, type LiveNic } from './vmPorts.js';

export { ADDRESS_KEY, PORT_GROUP_KEY_PREFIX } from './records.js';

/** VXLAN over IPv4 adds 50 bytes (outer Ethernet 14, IPv4 20, UDP 8, VXLAN 8) to every frame. */
export const VXLAN_OVERHEAD = 50;

/** The host's tunnel endpoint (agentd config `tunnel`), when it has one. */
export interface TunnelEndpoint {
  localIp: string;
  underlayBridge: string;
}

/** See Switches.detached. */
const DETACHED_RECHECK_DELAY_MS = 250;

/** Which domains have NICs in a port group (so it is not removed under them). */
export type PortGroupUsers = (switchName: string, portGroup: string) => Promise<string[]>;

/** Distributed switches (one OVS bridge per host) and their port groups (records on the bridge). */
export class Switches {
  constructor(
    private readonly ovs: Ovs,
    private readonly portGroupUsers: PortGroupUsers,
    private readonly flowOptions: FlowChainOptions = {},
    private readonly ports?: OvsPorts,
    private readonly tunnel?: TunnelEndpoint,
    private readonly uplinks?: Uplinks,
    private readonly liveNics?: () => Promise<LiveNic[]>,
    /** How long to wait before a NIC found detached is looked at again (see detached). */
    private readonly recheckDelayMs = DETACHED_RECHECK_DELAY_MS,
  ) {}

  /**
   * NICs of running domains whose tap is missing from their switch. A guest being stopped loses
   * its tap a moment before libvirt stops listing it as running: read then, its NIC looks
   * detached, its switch incomplete, and a plan would drop this host from the switch. So a NIC
   * counts only when a second look, a moment later, still finds it running and detached; a port
   * deleted out of band stays deleted.
   */
  private async detached(): Promise<LiveNic[]> {
    if (!this.ports || !this.liveNics) return [];
    const first = detachedNics(await this.liveNics(), await this.ports.list());
    if (first.length === 0) return first;
    await sleep(this.recheckDelayMs);
    // A second look, so not the answers an inventory's read scope already has (see freshReads).
    const { liveNics, ports } = this;
    const again = await freshReads(async () => detachedNics(await liveNics(), await ports.list()));
    return first.filter((n) => again.some((m) => m.domain === n.domain && m.device === n.device));
  }

  private async withUplinks(bridge: OvsBridge, detached?: LiveNic[]): Promise<SwitchInfo> {
    const none = { uplinks: [], bondMode: null, lacp: null, uplinkState: [] };
    const missing = (detached ?? (await this.detached())).filter((n) => n.switch === bridge.name);
    return {
      ...switchInfo(bridge),
      ...(this.uplinks ? await this.uplinks.state(bridge.name) : none),
      detachedNics: missing.map((n) => ({ domain: n.domain, mac: n.mac, port: n.device })),
    };
  }

  /** All nssv bridges with their port groups and tunnels. */
  async list(): Promise<{ switches: SwitchInfo[]; portGroups: PortGroupInfo[]; tunnels: TunnelInfo[] }> {
    const bridges = (await this.ovs.listBridges()).filter(isManaged);
    const tunnels = this.ports ? tunnelInfos(await this.ports.list()) : [];
    const detached = await this.detached();
    const switches = await Promise.all(bridges.map((b) => this.withUplinks(b, detached)));
    return { switches, portGroups: bridges.flatMap(portGroupInfos), tunnels };
  }

  /** OVS bridges made outside nssv (no nssv record), except the host's underlay bridge. */
  async unmanaged(): Promise<UnmanagedSwitchInfo[]> {
    return (await this.ovs.listBridges())
      .filter((b) => !isManaged(b) && b.name !== this.tunnel?.underlayBridge && isValidName('switch', b.name))
      .map((b) => ({ name: b.name, mtu: b.mtuRequest ?? 1500, ports: b.ports.map((p) => p.name) }));
  }

  /**
   * Makes a bridge made outside nssv a switch of nssv's: writes its address into the bridge's
   * external_ids and changes nothing else. A bridge with ports (uplinks, taps) is refused.
   */
  async adopt(name: string, address: string): Promise<SwitchInfo> {
    const bridge = await this.ovs.getBridge(name);
    if (!bridge) throw errors.notFound(`no OVS bridge ${JSON.stringify(name)} on this host`);
    if (isManaged(bridge)) {
      if (bridge.externalIds[ADDRESS_KEY] === address) return this.withUplinks(bridge);
      throw errors.conflict(
        `OVS bridge ${JSON.stringify(name)} is already managed by nssv as ${bridge.externalIds[ADDRESS_KEY]}, not ${address}`,
      );
    }
    if (bridge.ports.length > 0) {
      throw errors.conflict(
        `OVS bridge ${JSON.stringify(name)} cannot be adopted: it has ports (${bridge.ports.map((p) => p.name).join(', ')}), and adopting ports is not supported yet; remove them (ovs-vsctl del-port), adopt, then declare uplinks and port groups`,
      );
    }
    await this.ovs.setExternalId(name, ADDRESS_KEY, address);
    return (await this.getSwitch(name))!;
  }

  async getSwitch(name: string): Promise<SwitchInfo | undefined> {
    const bridge = await this.ovs.getBridge(name);
    return bridge && isManaged(bridge) ? this.withUplinks(bridge) : undefined;
  }

  async getPortGroup(switchName: string, portGroup: string): Promise<PortGroupInfo | undefined> {
    const bridge = await this.ovs.getBridge(switchName);
    if (!bridge || !isManaged(bridge)) return undefined;
    return portGroupInfos(bridge).find((p) => p.name === portGroup);
  }

  async putSwitch(name: string, spec: SwitchSpec): Promise<SwitchInfo> {
    const before = await this.ovs.getBridge(name);
    if (before && !isManaged(before)) {
      throw errors.conflict(
        `OVS bridge ${JSON.stringify(name)} already exists on this host and is not managed by nssv; choose another switch name or remove that bridge`,
      );
    }
    const transport = spec.transport ?? 'vlan';
    if (before && switchRecord(before).transport !== transport) {
      throw errors.conflict(
        `switch ${JSON.stringify(name)} uses transport ${switchRecord(before).transport} on this host, not ${transport}; the transport cannot change in place (replace the switch)`,
      );
    }
    if (transport === 'vxlan') await this.checkUnderlay(name, spec.mtu);
    const record = JSON.stringify({
      transport,
      vxlanPort: spec.vxlanPort ?? 4789,
      peers: [...(spec.peers ?? [])].sort((a, b) => (a.host < b.host ? -1 : 1)),
    });
    await new FlowChain<object>(
      `put switch ${name}`,
      [
        {
          name: 'ensure OVS bridge',
          run: async () =>
            this.ovs.ensureBridge(name, { [ADDRESS_KEY]: spec.address, [SWITCH_KEY]: record }, spec.mtu),
          rollback: async () => {
            if (!before) await this.ovs.deleteBridge(name);
            else
              await this.ovs.ensureBridge(
                name,
                {
                  [ADDRESS_KEY]: before.externalIds[ADDRESS_KEY]!,
                  [SWITCH_KEY]: before.externalIds[SWITCH_KEY] ?? '{}',
                },
                before.mtuRequest ?? 1500,
              );
          },
        },
        {
          name: 'converge VXLAN tunnels',
          run: async () => this.convergeTunnels(name),
          rollback: async () => {
            if (before) await this.convergeTunnels(name);
          },
        },
        {
          name: 'plug detached VM ports back',
          run: async () => {
            const missing = (await this.detached()).filter((n) => n.switch === name);
            await this.ports?.apply(missing.map(replugChange), `plug VM ports back into switch ${name}`);
          },
          rollback: async () => {},
        },
        {
          name: 'converge uplinks',
          run: async () => this.convergeUplinks(name, transport, spec),
          rollback: async () => {
            if (!before) await this.convergeUplinks(name, transport, { ...spec, uplinks: [] });
          },
        },
      ],
      this.flowOptions,
    ).run({});
    const info = await this.getSwitch(name);
    if (!info)
      throw errors.toolFailed(`create OVS bridge ${name}: the bridge is missing after ovs-vsctl succeeded`);
    return info;
  }

  /** Removes the bridge; refuses while port groups or ports (VM NICs) remain on it. */
  async deleteSwitch(name: string): Promise<DeleteResult> {
    const bridge = await this.ovs.getBridge(name);
    if (!bridge || !isManaged(bridge)) return { deleted: false };
    const groups = portGroupInfos(bridge).map((p) => p.name);
    if (groups.length > 0) {
      throw errors.conflict(
        `switch ${JSON.stringify(name)} still has port group(s) ${groups.join(', ')}; delete them first`,
      );
    }
    const uplinks = new Set((await this.withUplinks(bridge)).uplinks.concat(bondNameOf(name)));
    const others = bridge.ports.filter((p) => !uplinks.has(p.name));
    if (others.length > 0) {
      throw errors.conflict(
        `switch ${JSON.stringify(name)} still has port(s) ${others.map((p) => p.name).join(', ')} attached; delete the domains using it first`,
      );
    }
    await this.convergeUplinks(name, switchRecord(bridge).transport, { address: '', mtu: 0, uplinks: [] });
    await this.ovs.deleteBridge(name);
    return { deleted: true };
  }

  async putPortGroup(switchName: string, name: string, spec: PortGroupSpec): Promise<PortGroupInfo> {
    const bridge = await this.requireSwitch(switchName);
    const transport = switchRecord(bridge).transport;
    const vni = spec.vni ?? null;
    if (transport === 'vxlan' && (vni === null || spec.vlanId !== null)) {
      throw errors.invalidRequest(
        `port group ${JSON.stringify(name)}: switch ${JSON.stringify(switchName)} uses vxlan transport, so the port group needs a vni and no vlanId (got vni ${JSON.stringify(vni)}, vlanId ${JSON.stringify(spec.vlanId)})`,
      );
    }
    if (transport === 'vlan' && vni !== null) {
      throw errors.invalidRequest(
        `port group ${JSON.stringify(name)}: switch ${JSON.stringify(switchName)} uses vlan transport; a vni needs a vxlan switch (got vni ${vni})`,
      );
    }
    const others = portGroupInfos(bridge).filter((p) => p.name !== name);
    const clash = vni === null ? undefined : others.find((p) => p.vni === vni);
    if (clash) {
      throw errors.conflict(
        `port group ${JSON.stringify(name)}: vni ${vni} is already used by port group ${JSON.stringify(clash.name)} on switch ${JSON.stringify(switchName)}; each port group needs its own vni`,
      );
    }
    const existing = portGroupInfos(bridge).find((p) => p.name === name);
    const tag =
      vni === null
        ? spec.vlanId
        : existing?.vni === vni && existing.tag !== null
          ? existing.tag
          : localTag(others);
    const record: PortGroupRecord = { address: spec.address, vlanId: spec.vlanId, vni, tag };
    await this.ovs.setExternalId(switchName, PORT_GROUP_KEY_PREFIX + name, JSON.stringify(record));
    await this.convergeTunnels(switchName);
    return { switch: switchName, name, address: spec.address, vlanId: spec.vlanId, vni, tag };
  }

  /** Makes the switch's tunnels exactly: one per (peer, VXLAN port group); removes all on a vlan switch. */
  private async convergeTunnels(switchName: string): Promise<void> {
    if (!this.ports) return;
    const bridge = await this.ovs.getBridge(switchName);
    if (!bridge || !isManaged(bridge)) return;
    const sw = switchRecord(bridge);
    const vxlan = sw.transport === 'vxlan' && this.tunnel !== undefined;
    const changes = meshChanges({
      bridge: switchName,
      localIp: this.tunnel?.localIp ?? '',
      dstPort: sw.vxlanPort,
      peers: vxlan ? sw.peers : [],
      portGroups: portGroupInfos(bridge),
      ports: await this.ports.list(),
    });
    await this.ports.apply(changes, `converge the VXLAN tunnels of switch ${switchName}`);
    const broken = tunnelInfos(await this.ports.list()).filter((t) => t.switch === switchName && !t.up);
    if (broken.length > 0) {
      throw errors.toolFailed(
        `switch ${switchName}: ovs-vswitchd could not set up tunnel(s) ${broken.map((t) => `${t.port} to ${t.peer} (${t.remoteIp}, vni ${t.vni})`).join(', ')}; see the ovs-vswitchd log`,
      );
    }
  }

  /** Uplinks go on the switch (vlan: a trunk) or on the underlay bridge (vxlan: the tunnels' way out). */
  private async convergeUplinks(name: string, transport: string, spec: SwitchSpec): Promise<void> {
    if (!this.uplinks) return;
    const wanted = spec.uplinks ?? [];
    if (transport === 'vxlan' && !this.tunnel && wanted.length > 0) return;
    const bridge = transport === 'vxlan' && this.tunnel ? this.tunnel.underlayBridge : name;
    try {
      await this.uplinks.converge({
        bridge,
        owner: name,
        uplinks: wanted,
        bondMode: spec.bondMode ?? 'active-backup',
        lacp: spec.lacp ?? null,
      });
    } catch (e) {
      if (e instanceof Error && /already a port of OVS bridge/.test(e.message))
        throw errors.conflict(`switch ${JSON.stringify(name)}: ${e.message}`);
      throw e;
    }
  }

  /** VXLAN needs a tunnel endpoint on this host and an underlay MTU that fits a full frame plus 50 bytes. */
  private async checkUnderlay(name: string, mtu: number): Promise<void> {
    if (!this.tunnel || !this.ports) {
      throw errors.conflict(
        `switch ${JSON.stringify(name)} uses vxlan transport, but this host has no tunnel endpoint; set "tunnel": {"localIp": "<underlay address>", "underlayBridge": "br-phy"} in agentd's config`,
      );
    }
    const have = await this.ports.interfaceMtu(this.tunnel.underlayBridge);
    if (have === undefined) {
      throw errors.conflict(
        `switch ${JSON.stringify(name)}: the underlay bridge ${JSON.stringify(this.tunnel.underlayBridge)} named in agentd's config (tunnel.underlayBridge) does not exist in this host's Open vSwitch; create it with the host's underlay address on it`,
      );
    }
    if (have < mtu + VXLAN_OVERHEAD) {
      throw errors.conflict(
        `switch ${JSON.stringify(name)}: VXLAN adds ${VXLAN_OVERHEAD} bytes to each frame, so a switch MTU of ${mtu} needs an underlay MTU of at least ${mtu + VXLAN_OVERHEAD}, but ${this.tunnel.underlayBridge} has ${have}; raise the underlay MTU (mtu_request) or set the switch's mtu to at most ${have - VXLAN_OVERHEAD}`,
      );
    }
  }

  async deletePortGroup(switchName: string, name: string): Promise<DeleteResult> {
    if (!(await this.getPortGroup(switchName, name))) return { deleted: false };
    const users = await this.portGroupUsers(switchName, name);
    if (users.length > 0) {
      throw errors.conflict(
        `port group ${JSON.stringify(name)} on switch ${JSON.stringify(switchName)} is used by domain(s) ${users.join(', ')}; delete or change those domains first`,
      );
    }
    await this.ovs.removeExternalId(switchName, PORT_GROUP_KEY_PREFIX + name);
    await this.convergeTunnels(switchName);
    return { deleted: true };
  }

  private async requireSwitch(name: string): Promise<OvsBridge> {
    const bridge = await this.ovs.getBridge(name);
    if (!bridge || !isManaged(bridge)) {
      throw errors.notFound(
        `switch ${JSON.stringify(name)} does not exist on this host; create it first (PUT /v1/switches/${name})`,
      );
    }
    return bridge;
  }
}
