/**
 * The host's distributed firewall: security groups (recorded in OVS) applied to the VM NICs that
 * list them, plus anti-spoofing for every NIC with an address or a group, compiled to OpenFlow
 * tables (compile.ts) and installed per switch with `replace-flows`, which leaves unchanged flows
 * (and conntrack state) alone: a rule change rewrites flows in place, the VM is not touched.
 * A NIC is found in OVS by its MAC (external_ids:attached-mac, which libvirt sets on its tap).
 */
import type {
  DeleteResult,
  DomainInfo,
  FirewallInfo,
  FirewallPortInfo,
  FlowInfo,
  SecurityGroupInfo,
  SecurityGroupSpec,
} from '../../schemas/generated/agentApi.js';
import type { OvsOfctl } from '../drivers/ovs-ofctl.js';
import type { OvsPorts } from '../drivers/ovs-ports.js';
import { errors } from '../errors.js';
import {
  compileSwitch,
  pipelineCookie,
  portCookie,
  renderFlows,
  ruleCookie,
  type CompiledFlow,
  type FilteredPort,
} from './compile.js';
import { assignZones, type FirewallStore } from './store.js';

export interface FirewallSources {
  domains(): Promise<DomainInfo[]>;
  /** Names of the nssv switches (bridges) on this host. */
  switches(): Promise<string[]>;
}

interface Computed {
  zones: Record<string, number>;
  groups: Map<string, SecurityGroupInfo>;
  ports: FirewallPortInfo[];
  /** Per switch: the flows it must have; null: the OVS default (one NORMAL flow) is left. */
  flows: Map<string, CompiledFlow[] | null>;
  owners: Map<bigint, string>;
}

export class Firewall {
  constructor(
    private readonly store: FirewallStore,
    private readonly ports: OvsPorts,
    private readonly ofctl: OvsOfctl,
    private readonly sources: FirewallSources,
  ) {}

  async listGroups(): Promise<SecurityGroupInfo[]> {
    return [...(await this.store.read()).groups.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async putGroup(name: string, spec: SecurityGroupSpec): Promise<SecurityGroupInfo> {
    await this.store.putGroup(name, spec);
    await this.converge();
    return { name, ...spec };
  }

  /** Refuses while a NIC on this host lists the group. */
  async deleteGroup(name: string): Promise<DeleteResult> {
    const { groups } = await this.store.read();
    if (!groups.has(name)) return { deleted: false };
    const users = (await this.sources.domains()).filter((d) =>
      d.nics.some((n) => n.securityGroups.includes(name)),
    );
    if (users.length > 0) {
      throw errors.conflict(
        `security group ${JSON.stringify(name)} is used by NICs of domain(s) ${users.map((d) => d.name).join(', ')}; remove it from their security_group_ids first`,
      );
    }
    await this.store.deleteGroup(name);
    await this.converge();
    return { deleted: true };
  }

  /** Installs on every switch exactly the flows its filtered NICs need. */
  async converge(): Promise<void> {
    const c = await this.compute();
    await this.store.putZones(c.zones);
    for (const [bridge, flows] of c.flows) {
      await this.ofctl.replaceFlows(
        bridge,
        flows === null ? 'priority=0,actions=NORMAL\n' : renderFlows(flows),
      );
    }
  }

  /** What is plugged in and filtered, the flows by owner, and whether every switch has exactly its flows. */
  async info(): Promise<FirewallInfo> {
    const c = await this.compute();
    const flows: FlowInfo[] = [];
    let inSync = true;
    for (const [bridge, wanted] of c.flows) {
      const dumped = await this.ofctl.dumpFlows(bridge);
      if (dumped === null) continue; // deleted while this inventory was read: it is no longer here
      const want = countByCookie(wanted ?? [{ cookie: 0n }]);
      const have = countByCookie(dumped);
      if (!sameCounts(want, have)) inSync = false;
      for (const [cookie, n] of [...have].sort(([a], [b]) => (a < b ? -1 : 1))) {
        flows.push({
          switch: bridge,
          cookie: `0x${cookie.toString(16)}`,
          owner: c.owners.get(cookie) ?? (cookie === 0n ? 'default' : 'unknown'),
          flows: n,
          packets: dumped.filter((f) => f.cookie === cookie).reduce((s, f) => s + f.packets, 0),
        });
      }
    }
    return { inSync, ports: c.ports, flows };
  }

  private async compute(): Promise<Computed> {
    const [{ groups, zones: previous }, domains, switches, ovsPorts] = await Promise.all([
      this.store.read(),
      this.sources.domains(),
      this.sources.switches(),
      this.ports.list(),
    ]);
    const nics = domains.flatMap((d) =>
      d.nics
        .map((n, i) => ({ ...n, domain: d.name, owner: `${d.address} nic[${i}]` }))
        .filter((n) => n.ip !== null || n.securityGroups.length > 0),
    );
    const zones = assignZones(
      previous,
      nics.map((n) => n.mac),
    );
    const owners = new Map<bigint, string>([[pipelineCookie, 'nssv pipeline']]);
    for (const g of groups.values())
      g.rules.forEach((_, i) => owners.set(ruleCookie(g.name, i), `${g.address} rule[${i}]`));
    const ports: FirewallPortInfo[] = [];
    const flows = new Map<string, CompiledFlow[] | null>();
    for (const bridge of [...switches].sort()) {
      const filtered: FilteredPort[] = [];
      for (const n of nics.filter((x) => x.switch === bridge)) {
        const plugged = ovsPorts.find(
          (p) => p.bridge === bridge && p.ifaceExternalIds['attached-mac'] === n.mac && (p.ofport ?? -1) > 0,
        );
        const zone = zones[n.mac]!;
        owners.set(portCookie(zone), n.owner);
        ports.push({
          switch: bridge,
          port: plugged?.name ?? null,
          mac: n.mac,
          ip: n.ip,
          domain: n.domain,
          securityGroups: n.securityGroups,
          zone,
        });
        if (plugged)
          filtered.push({
            ofport: plugged.ofport!,
            mac: n.mac,
            ip: n.ip,
            groups: n.securityGroups,
            zone,
            owner: n.owner,
          });
      }
      flows.set(bridge, filtered.length === 0 ? null : compileSwitch(filtered, groups));
    }
    return { zones, groups, ports, flows, owners };
  }
}

function countByCookie(flows: readonly { cookie: bigint }[]): Map<bigint, number> {
  const out = new Map<bigint, number>();
  for (const f of flows) out.set(f.cookie, (out.get(f.cookie) ?? 0) + 1);
  return out;
}

function sameCounts(a: Map<bigint, number>, b: Map<bigint, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
