import type {
  DeleteResult,
  PortGroupInfo,
  PortGroupSpec,
  SwitchInfo,
  SwitchSpec,
} from '../../schemas/generated/agentApi.js';
import type { OvsBridge, Ovs } from '../drivers/ovs.js';
import { errors } from '../errors.js';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';

/** external_ids keys nssv sets on the bridges it manages. */
export const ADDRESS_KEY = 'nssv-address';
export const PORT_GROUP_KEY_PREFIX = 'nssv-pg-';

/** Which domains have NICs in a port group (so it is not removed under them). */
export type PortGroupUsers = (switchName: string, portGroup: string) => Promise<string[]>;

/** Distributed switches (one OVS bridge per host) and their port groups (records on the bridge). */
export class Switches {
  constructor(
    private readonly ovs: Ovs,
    private readonly portGroupUsers: PortGroupUsers,
    private readonly flowOptions: FlowChainOptions = {},
  ) {}

  /** All nssv bridges with their port groups, from one ovs-vsctl call. */
  async list(): Promise<{ switches: SwitchInfo[]; portGroups: PortGroupInfo[] }> {
    const bridges = (await this.ovs.listBridges()).filter(isManaged);
    return { switches: bridges.map(switchInfo), portGroups: bridges.flatMap(portGroupInfos) };
  }

  async getSwitch(name: string): Promise<SwitchInfo | undefined> {
    const bridge = await this.ovs.getBridge(name);
    return bridge && isManaged(bridge) ? switchInfo(bridge) : undefined;
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
    await new FlowChain<object>(
      `put switch ${name}`,
      [
        {
          name: 'ensure OVS bridge',
          run: async () => this.ovs.ensureBridge(name, { [ADDRESS_KEY]: spec.address }, spec.mtu),
          rollback: async () => {
            if (!before) await this.ovs.deleteBridge(name);
            else
              await this.ovs.ensureBridge(
                name,
                { [ADDRESS_KEY]: before.externalIds[ADDRESS_KEY]! },
                before.mtuRequest ?? 1500,
              );
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
    if (bridge.ports.length > 0) {
      throw errors.conflict(
        `switch ${JSON.stringify(name)} still has port(s) ${bridge.ports.map((p) => p.name).join(', ')} attached; delete the domains using it first`,
      );
    }
    await this.ovs.deleteBridge(name);
    return { deleted: true };
  }

  async putPortGroup(switchName: string, name: string, spec: PortGroupSpec): Promise<PortGroupInfo> {
    await this.requireSwitch(switchName);
    const record: PortGroupRecord = { address: spec.address, vlanId: spec.vlanId };
    await this.ovs.setExternalId(switchName, PORT_GROUP_KEY_PREFIX + name, JSON.stringify(record));
    return { switch: switchName, name, address: spec.address, vlanId: spec.vlanId };
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
    return { deleted: true };
  }

  private async requireSwitch(name: string): Promise<void> {
    if (!(await this.getSwitch(name))) {
      throw errors.notFound(
        `switch ${JSON.stringify(name)} does not exist on this host; create it first (PUT /v1/switches/${name})`,
      );
    }
  }
}

/** What a bridge's external_ids keep per port group: the spec it was put with. */
type PortGroupRecord = PortGroupSpec;

function isManaged(bridge: OvsBridge): boolean {
  return bridge.externalIds[ADDRESS_KEY] !== undefined;
}

function switchInfo(bridge: OvsBridge): SwitchInfo {
  return { name: bridge.name, address: bridge.externalIds[ADDRESS_KEY]!, mtu: bridge.mtuRequest ?? 1500 };
}

function portGroupInfos(bridge: OvsBridge): PortGroupInfo[] {
  return Object.entries(bridge.externalIds)
    .filter(([k]) => k.startsWith(PORT_GROUP_KEY_PREFIX))
    .flatMap(([k, v]) => {
      const record = parseRecord(v);
      return record
        ? [
            {
              switch: bridge.name,
              name: k.slice(PORT_GROUP_KEY_PREFIX.length),
              address: record.address,
              vlanId: record.vlanId,
            },
          ]
        : [];
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function parseRecord(value: string): PortGroupRecord | undefined {
  try {
    const r = JSON.parse(value) as Partial<PortGroupRecord>;
    if (typeof r.address !== 'string') return undefined;
    return { address: r.address, vlanId: typeof r.vlanId === 'number' ? r.vlanId : null };
  } catch {
    return undefined;
  }
}
