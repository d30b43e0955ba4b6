import { errors } from '../errors.js';
import type { Exec, ExecResult } from '../util/exec.js';
import { type OvsRow, parseTables, tableRows } from './ovsdb-json.js';
import { runTool } from './tool.js';

/** One table read: `list TABLE [RECORD…]` or `find TABLE CONDITION…`, limited to some columns. */
export interface TableRead {
  table: string;
  columns: readonly string[];
  verb?: 'list' | 'find';
  /** Records (list) or conditions (find), e.g. a bridge name or `name=br0`. */
  args?: readonly string[];
}

/**
 * Bridge, Port and Interface with every column agentd reads from them. The switch list, the VM
 * ports and the uplinks each read these three tables; reading them with the same columns makes the
 * same ovs-vsctl command, which an inventory's read scope runs once (agentd/util/readScope.ts).
 */
export const SWITCH_TABLES: readonly TableRead[] = [
  { table: 'Bridge', columns: ['name', 'external_ids', 'datapath_type', 'ports'] },
  {
    table: 'Port',
    columns: [
      '_uuid',
      'name',
      'tag',
      'protected',
      'external_ids',
      'interfaces',
      'bond_mode',
      'lacp',
      'other_config',
      'bond_active_slave',
    ],
  },
  {
    table: 'Interface',
    columns: [
      '_uuid',
      'name',
      'type',
      'options',
      'ofport',
      'error',
      'mtu',
      'mtu_request',
      'external_ids',
      'link_state',
      'mac_in_use',
    ],
  },
];

/**
 * ovs-vsctl on one host's ovsdb socket: every OVSDB client in agentd (bridges, ports, uplinks,
 * firewall records) goes through here, so the connection options and the JSON reading live in
 * one place.
 */
export class Vsctl {
  constructor(
    private readonly exec: Exec,
    private readonly dbSocket: string,
    private readonly timeoutS = 10,
    readonly file = 'ovs-vsctl',
  ) {}

  /** The options every call starts with. */
  base(): string[] {
    return [`--db=unix:${this.dbSocket}`, `--timeout=${this.timeoutS}`];
  }

  /** Runs one transaction (`args` after the connection options); a non-zero exit is `tool_failed`. */
  async run(args: readonly string[], what: string): Promise<ExecResult> {
    return runTool(this.exec, this.file, [...this.base(), ...args], what);
  }

  /** Reads tables in one call; the result has one row list per read, in order. */
  async read(reads: readonly TableRead[], what: string): Promise<OvsRow[][]> {
    const args = ['--format=json', '--data=json'];
    for (const r of reads) {
      if (reads.length > 1) args.push('--');
      args.push(`--columns=${r.columns.join(',')}`, r.verb ?? 'list', r.table, ...(r.args ?? []));
    }
    const result = await this.run(args, what);
    const tables = parseTables(result.stdout);
    if (tables.length !== reads.length) {
      throw errors.toolFailed(
        `${what}: expected ${reads.length} table${reads.length === 1 ? '' : 's'} from ovs-vsctl, got ${tables.length}`,
        result.stdout,
      );
    }
    return tables.map(tableRows);
  }

  /** Reads one table; its rows. */
  async readOne(read: TableRead, what: string): Promise<OvsRow[]> {
    return (await this.read([read], what))[0]!;
  }
}

/** ovs-vsctl parses values itself: double-quoted with C escapes, which JSON string syntax satisfies. */
export function vsctlQuote(value: string): string {
  return JSON.stringify(value);
}
