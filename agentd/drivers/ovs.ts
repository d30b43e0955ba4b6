import { errors } from '../errors.js';
import type { Exec } from '../util/exec.js';
import { asArray, asMap, asOptionalNumber, parseTables, tableRows } from './ovsdb-json.js';
import { callTool, runTool, toolError } from './tool.js';

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
  constructor(
    private readonly exec: Exec,
    private readonly dbSocket: string,
    private readonly timeoutS = 10,
    private readonly file = 'ovs-vsctl',
  ) {}

  private base(): string[] {
    return [`--db=unix:${this.dbSocket}`, `--timeout=${this.timeoutS}`];
  }

  /** Every bridge with its ports, in one ovs-vsctl call. */
  async listBridges(): Promise<OvsBridge[]> {
    const args = [
      ...this.base(),
      '--format=json',
      '--data=json',
      '--',
      '--columns=name,external_ids,datapath_type,ports',
      'list',
      'Bridge',
      '--',
      '--columns=_uuid,name,tag',
      'list',
      'Port',
      '--',
      '--columns=name,mtu_request',
      'list',
      'Interface',
    ];
    const result = await runTool(this.exec, this.file, args, 'list OVS bridges');
    const tables = parseTables(result.stdout);
    if (tables.length !== 3) {
      throw errors.toolFailed(
        `list OVS bridges: expected 3 tables from ovs-vsctl, got ${tables.length}`,
        result.stdout,
      );
    }
    const [bridges, ports, interfaces] = tables.map(tableRows) as [
      ReturnType<typeof tableRows>,
      ReturnType<typeof tableRows>,
      ReturnType<typeof tableRows>,
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
      ...this.base(),
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
    const result = await runTool(this.exec, this.file, args, `create OVS bridge ${name}`);
    if (/Error detected/i.test(result.stderr)) {
      throw errors.toolFailed(
        `create OVS bridge ${name}: ovs-vswitchd could not set the bridge up (${result.stderr.trim().split('\n')[0]}); is ovs-vswitchd running with the userspace datapath?`,
        result.stderr,
      );
    }
    await this.checkInterface(name);
  }

  private async checkInterface(name: string): Promise<void> {
    const args = [
      ...this.base(),
      '--format=json',
      '--data=json',
      '--columns=error,ofport',
      'list',
      'Interface',
      name,
    ];
    const result = await runTool(this.exec, this.file, args, `check OVS interface ${name}`);
    const rows = tableRows(parseTables(result.stdout)[0] ?? { headings: [], data: [] });
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
    await runTool(
      this.exec,
      this.file,
      [...this.base(), '--if-exists', 'del-br', name],
      `delete OVS bridge ${name}`,
    );
  }

  async setExternalId(bridge: string, key: string, value: string): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      [...this.base(), 'set', 'Bridge', bridge, `external_ids:${key}=${quote(value)}`],
      `set ${key} on OVS bridge ${bridge}`,
    );
  }

  async removeExternalId(bridge: string, key: string): Promise<void> {
    const args = [...this.base(), 'remove', 'Bridge', bridge, 'external_ids', key];
    const result = await callTool(this.exec, this.file, args, `remove ${key} from OVS bridge ${bridge}`);
    if (result.exitCode !== 0)
      throw toolError(this.file, args, `remove ${key} from OVS bridge ${bridge}`, result);
  }
}

/** ovs-vsctl parses values itself: double-quoted with C escapes, which JSON string syntax satisfies. */
function quote(value: string): string {
  return JSON.stringify(value);
}
