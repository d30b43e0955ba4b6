/**
 * Where the firewall keeps its host-side records: the Open_vSwitch table's external_ids (one
 * `nssv-sg-<name>` per security group, `nssv-ct-zones` mapping NIC MACs to conntrack zones), so
 * they live and die with the host's OVS database like the switches do.
 */
import type { SecurityGroupInfo, SecurityGroupSpec } from '../../schemas/generated/agentApi.js';
import type { Exec } from '../util/exec.js';
import { asMap, parseTables, tableRows } from '../drivers/ovsdb-json.js';
import { callTool, runTool, toolError } from '../drivers/tool.js';

export const GROUP_KEY_PREFIX = 'nssv-sg-';
export const ZONES_KEY = 'nssv-ct-zones';

export class FirewallStore {
  constructor(
    private readonly exec: Exec,
    private readonly dbSocket: string,
    private readonly file = 'ovs-vsctl',
  ) {}

  private base(): string[] {
    return [`--db=unix:${this.dbSocket}`, '--timeout=10'];
  }

  private async ids(): Promise<Record<string, string>> {
    const args = [
      ...this.base(),
      '--format=json',
      '--data=json',
      '--columns=external_ids',
      'list',
      'Open_vSwitch',
    ];
    const result = await runTool(this.exec, this.file, args, 'read the firewall records');
    const row = tableRows(parseTables(result.stdout)[0] ?? { headings: [], data: [] })[0];
    return asMap(row?.external_ids);
  }

  async read(): Promise<{ groups: Map<string, SecurityGroupInfo>; zones: Record<string, number> }> {
    const ids = await this.ids();
    const groups = new Map<string, SecurityGroupInfo>();
    for (const [k, v] of Object.entries(ids)) {
      if (!k.startsWith(GROUP_KEY_PREFIX)) continue;
      try {
        const spec = JSON.parse(v) as SecurityGroupSpec;
        if (typeof spec.address === 'string' && Array.isArray(spec.rules))
          groups.set(k.slice(GROUP_KEY_PREFIX.length), { name: k.slice(GROUP_KEY_PREFIX.length), ...spec });
      } catch {
        // not ours to interpret
      }
    }
    let zones: Record<string, number> = {};
    try {
      zones = JSON.parse(ids[ZONES_KEY] ?? '{}') as Record<string, number>;
    } catch {
      zones = {};
    }
    return { groups, zones };
  }

  async putGroup(name: string, spec: SecurityGroupSpec): Promise<void> {
    const value = JSON.stringify({ address: spec.address, rules: spec.rules });
    await runTool(
      this.exec,
      this.file,
      [
        ...this.base(),
        'set',
        'Open_vSwitch',
        '.',
        `external_ids:${GROUP_KEY_PREFIX}${name}=${JSON.stringify(value)}`,
      ],
      `record security group ${name}`,
    );
  }

  async deleteGroup(name: string): Promise<void> {
    const args = [
      ...this.base(),
      'remove',
      'Open_vSwitch',
      '.',
      'external_ids',
      `${GROUP_KEY_PREFIX}${name}`,
    ];
    const result = await callTool(this.exec, this.file, args, `remove security group ${name}`);
    if (result.exitCode !== 0) throw toolError(this.file, args, `remove security group ${name}`, result);
  }

  async putZones(zones: Record<string, number>): Promise<void> {
    const sorted = Object.fromEntries(Object.entries(zones).sort(([a], [b]) => (a < b ? -1 : 1)));
    await runTool(
      this.exec,
      this.file,
      [
        ...this.base(),
        'set',
        'Open_vSwitch',
        '.',
        `external_ids:${ZONES_KEY}=${JSON.stringify(JSON.stringify(sorted))}`,
      ],
      'record conntrack zones',
    );
  }
}

/** Keeps the zones of NICs still present, gives new ones the lowest free zone (1–65535). */
export function assignZones(
  previous: Record<string, number>,
  macs: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const mac of macs) if (previous[mac] !== undefined) out[mac] = previous[mac]!;
  const used = new Set(Object.values(out));
  let next = 1;
  for (const mac of [...macs].sort()) {
    if (out[mac] !== undefined) continue;
    while (used.has(next)) next++;
    if (next > 65535) throw new Error('bug: more than 65535 filtered NICs on one host');
    out[mac] = next;
    used.add(next);
  }
  return out;
}
