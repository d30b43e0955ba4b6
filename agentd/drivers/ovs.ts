import { errors } from '../errors.js';
import type { Exec } from '../util/exec.js';
import { asArray, asMap, asOptionalNumber, type OvsRow } from './ovsdb-json.js';
import { SWITCH_TABLES, Vsctl, vsctlQuote as quote } from './vsctl.js';

export interface OvsBridge {
  name: string;
  externalIds: Record<string, string>;
  datapathType: string;
  /** mtu_request of the bridge's own interface. */
  mtuRequest: number | undefined;
  /** Ports other than the bridge's own internal port, e.g. VM taps. */
  ports: OvsPort[];
}

export interface OvsPort {
  name: string;
  tag: number | undefined;
}

/** Open vSwitch through ovs-vsctl on one host's ovsdb socket. */
export class Ovs {
  private readonly vsctl: Vsctl;

  constructor(exec: Exec, dbSocket: string, timeoutS = 10, file = 'ovs-vsctl') {
    this.vsctl = new Vsctl(exec, dbSocket, timeoutS, file);
  }

  /** Every bridge with its ports, in one ovs-vsctl call. */
  async listBridges(): Promise<OvsBridge[]> {
    const [bridges, ports, interfaces] = (await this.vsctl.read(SWITCH_TABLES, 'list OVS bridges')) as [
      OvsRow[],
      OvsRow[],
      OvsRow[],
    ];
    const portsByUuid = new Map(ports.map((p) => [String(p._uuid), p]));
    const mtuByInterface = new Map(interfaces.map((i) => [String(i.name), asOptionalNumber(i.mtu_request)]));
    return bridges
      .map((b) => {
        const name = String(b.name);
        return {
          name,
          externalIds: asMap(b.external_ids),
          datapathType: typeof b.datapath_type === 'string' ? b.datapath_type : '',
          mtuRequest: mtuByInterface.get(name),
          ports: asArray(b.ports)
            .map((u) => portsByUuid.get(String(u)))
            .filter((p) => p !== undefined && p.name !== name)
            .map((p) => ({ name: String(p!.name), tag: asOptionalNumber(p!.tag) }))
            .sort((x, y) => (x.name < y.name ? -1 : 1)),
        };
      })
      .sort((x, y) => (x.name < y.name ? -1 : 1));
  }

  async getBridge(name: string): Promise<OvsBridge | undefined> {
    return (await this.listBridges()).find((b) => b.name === name);
  }

  /**
   * Creates (or converges) a userspace-datapath bridge. ovs-vsctl exits 0 even when vswitchd
   * cannot set the bridge up ("Error detected while setting up"), so stderr and the interface's
   * error/ofport columns are checked too.
   */
  async ensureBridge(name: string, externalIds: Record<string, string>, mtu: number): Promise<void> {
    const args = [
      '--may-exist',
      'add-br',
      name,
      '--',
      'set',
      'Bridge',
      name,
      'datapath_type=netdev',
      ...Object.entries(externalIds).map(([k, v]) => `external_ids:${k}=${quote(v)}`),
      '--',
      'set',
      'Interface',
      name,
      `mtu_request=${mtu}`,
    ];
    const result = await this.vsctl.run(args, `create OVS bridge ${name}`);
    if (/Error detected/i.test(result.stderr)) {
      throw errors.toolFailed(
        `create OVS bridge ${name}: ovs-vswitchd could not set the bridge up (${result.stderr.trim().split('\n')[0]}); is ovs-vswitchd running with the userspace datapath?`,
        result.stderr,
      );
    }
    await this.checkInterface(name);
  }

  private async checkInterface(name: string): Promise<void> {
    const rows = await this.vsctl.readOne(
      { table: 'Interface', columns: ['error', 'ofport'], args: [name] },
      `check OVS interface ${name}`,
    );
    const row = rows[0];
    const error = row ? asArray(row.error)[0] : 'interface missing';
    const ofport = row ? asOptionalNumber(row.ofport) : undefined;
    if (error !== undefined || ofport === undefined || ofport < 0) {
      throw errors.toolFailed(
        `create OVS bridge ${name}: the bridge's interface is not working (${error !== undefined ? String(error) : `ofport ${ofport ?? 'unset'}`})`,
      );
    }
  }

  async deleteBridge(name: string): Promise<void> {
    await this.vsctl.run(['--if-exists', 'del-br', name], `delete OVS bridge ${name}`);
  }

  async setExternalId(bridge: string, key: string, value: string): Promise<void> {
    await this.vsctl.run(
      ['set', 'Bridge', bridge, `external_ids:${key}=${quote(value)}`],
      `set ${key} on OVS bridge ${bridge}`,
    );
  }

  async removeExternalId(bridge: string, key: string): Promise<void> {
    await this.vsctl.run(
      ['remove', 'Bridge', bridge, 'external_ids', key],
      `remove ${key} from OVS bridge ${bridge}`,
    );
  }
}
