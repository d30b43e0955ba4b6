/**
 * Where the firewall keeps its host-side records: the Open_vSwitch table's external_ids (one
 * `nssv-sg-<name>` per security group, `nssv-ct-zones` mapping NIC MACs to conntrack zones), so
 * they live and die with the host's OVS database like the switches do.
 */
import type { SecurityGroupInfo, SecurityGroupSpec } from '../../schemas/generated/agentApi.js';
import type { Exec } from '../util/exec.js';
import { asMap } from '../drivers/ovsdb-json.js';
import { Vsctl, vsctlQuote } from '../drivers/vsctl.js';

export const GROUP_KEY_PREFIX = 'nssv-sg-';
export const ZONES_KEY = 'nssv-ct-zones';

export class FirewallStore {
  private readonly vsctl: Vsctl;

  constructor(exec: Exec, dbSocket: string, file = 'ovs-vsctl') {
    this.vsctl = new Vsctl(exec, dbSocket, 10, file);
  }

  private async ids(): Promise<Record<string, string>> {
    const [row] = await this.vsctl.readOne(
      { table: 'Open_vSwitch', columns: ['external_ids'] },
      'read the firewall records',
    );
    return asMap(row?.external_ids);
  }

  /** Sets (value) or removes (undefined) one record in the Open_vSwitch table's external_ids. */
  private async setRecord(key: string, value: string | undefined, what: string): Promise<void> {
    await this.vsctl.run(
      value === undefined
        ? ['remove', 'Open_vSwitch', '.', 'external_ids', key]
        : ['set', 'Open_vSwitch', '.', `external_ids:${key}=${vsctlQuote(value)}`],
      what,
    );
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
    await this.setRecord(`${GROUP_KEY_PREFIX}${name}`, value, `record security group ${name}`);
  }

  async deleteGroup(name: string): Promise<void> {
    await this.setRecord(`${GROUP_KEY_PREFIX}${name}`, undefined, `remove security group ${name}`);
  }

  async putZones(zones: Record<string, number>): Promise<void> {
    const sorted = Object.fromEntries(Object.entries(zones).sort(([a], [b]) => (a < b ? -1 : 1)));
    await this.setRecord(ZONES_KEY, JSON.stringify(sorted), 'record conntrack zones');
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
