import type { Attributes } from '../../core/values.js';
import type { Inventory, SwitchSpec, TunnelPeer } from '../../schemas/generated/agentApi.js';
import { AgentError } from '../agent/agentError.js';
import { resolved, typed } from './attrs.js';
import { perHostHandler, type PutTarget } from './perHost.js';

const sw = (a: Attributes) => typed('nssv_distributed_switch', a);
const hostIds = (a: Attributes): string[] => resolved(sw(a).host_ids, 'host_ids');

/** The other hosts of a vxlan switch with their tunnel endpoints, read from their agents. */
async function tunnelPeers(a: Attributes, on: PutTarget): Promise<TunnelPeer[]> {
  const peers: TunnelPeer[] = [];
  for (const host of hostIds(a)) {
    if (host === on.hostId) continue;
    const ip = (await on.ctx.inventory(host)).host.tunnelIp;
    if (ip === null) {
      throw new AgentError(
        host,
        'conflict',
        `switch "${sw(a).name}" uses vxlan transport, but host "${host}" has no tunnel endpoint; set "tunnel": {"localIp": "<its underlay address>", "underlayBridge": "br-phy"} in that host's agentd config`,
      );
    }
    peers.push({ host, ip });
  }
  return peers;
}

async function switchSpec(address: string, a: Attributes, on: PutTarget): Promise<SwitchSpec> {
  const lacp = sw(a).lacp[0];
  const base: SwitchSpec = {
    address,
    mtu: sw(a).mtu,
    uplinks: sw(a).uplinks,
    bondMode: sw(a).bond_mode,
    lacp: lacp ? { mode: lacp.mode, rate: lacp.rate } : null,
  };
  if (sw(a).transport !== 'vxlan') return base;
  return { ...base, transport: 'vxlan', vxlanPort: sw(a).vxlan_port, peers: await tunnelPeers(a, on) };
}

/**
 * On a vxlan switch, the host counts as carrying the switch only when its mesh is whole: a
 * working tunnel to every other host of the switch for every VXLAN port group, and none to a
 * host that left. A tunnel deleted out of band thus shows as drift that the next apply repairs.
 */
export function meshComplete(inv: Inventory, a: Attributes): boolean {
  const name = sw(a).name;
  const peers = hostIds(a).filter((h) => h !== inv.host.name);
  const tunnels = inv.tunnels.filter((t) => t.switch === name);
  const vnis = inv.portGroups.filter((p) => p.switch === name && p.vni !== null).map((p) => p.vni!);
  const whole = peers.every((peer) =>
    vnis.every((vni) => tunnels.some((t) => t.peer === peer && t.vni === vni && t.up)),
  );
  return whole && tunnels.every((t) => peers.includes(t.peer));
}

const sameSet = (x: string[], y: string[]): boolean => [...x].sort().join() === [...y].sort().join();

/** A distributed switch: an OVS bridge of the same name on every host of its clusters. */
export const distributedSwitchHandler = perHostHandler({
  type: 'nssv_distributed_switch',
  put: async (agent, address, a, on) => agent.putSwitch(sw(a).name, await switchSpec(address, a, on)),
  // A host leaving the switch (its cluster shrank) loses the switch before its port groups'
  // own updates run: take them off that host first (the agent refuses while VMs use them).
  remove: async (agent, a) => {
    const name = sw(a).name;
    for (const pg of (await agent.inventory()).portGroups.filter((p) => p.switch === name))
      await agent.deletePortGroup(name, pg.name);
    return agent.deleteSwitch(name);
  },
  find: (inv, a) => {
    const found = inv.switches.find((s) => s.name === sw(a).name);
    // Missing, a VXLAN mesh with holes, or a running guest's port deleted from it: not whole here.
    if (!found || found.detachedNics.length > 0) return null;
    if (found.transport === 'vxlan' && !meshComplete(inv, a)) return null;
    // A bond's mode and LACP exist only with two or more uplinks: otherwise the configured values stand.
    const bond = found.uplinks.length > 1;
    return {
      mtu: found.mtu,
      transport: found.transport,
      vxlan_port: found.vxlanPort,
      uplinks: sameSet(found.uplinks, sw(a).uplinks) ? sw(a).uplinks : found.uplinks,
      ...(bond && found.bondMode !== null ? { bond_mode: found.bondMode } : {}),
      ...(bond ? { lacp: found.lacp ? [{ mode: found.lacp.mode, rate: found.lacp.rate }] : [] } : {}),
    };
  },
  describe: (a) => `bridge "${sw(a).name}"`,
  addressOn: (inv, a) => inv.switches.find((s) => s.name === sw(a).name)?.address,
});
