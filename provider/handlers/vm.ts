import type { DomainInfo, DomainSpec, Inventory, PowerState } from '../../agentd/api/types.js';
import type { CloudInitSpec } from '../../agentd/api/cloud-init.js';
import type { Attributes } from '../../core/values.js';
import { wantsSeed } from '../../planner/plan/transforms/deriveGuestNetwork.js';
import { AgentError } from '../agent/agentError.js';
import { blocks, num, str } from './attrs.js';
import type { HandlerContext, ResourceHandler } from './types.js';

/** Builds the agent's domain spec, finding each disk's pool and each NIC's switch on the host. */
export function domainSpec(address: string, a: Attributes, inv: Inventory): DomainSpec {
  const host = inv.host.name;
  const cloudInit = cloudInitSpec(a);
  return {
    ...(cloudInit ? { cloudInit } : {}),
    address,
    vcpus: num(a, 'vcpus'),
    memoryMiB: num(a, 'memory_mib'),
    ...(typeof a.max_vcpus === 'number' ? { maxVcpus: a.max_vcpus } : {}),
    ...(typeof a.max_memory_mib === 'number' ? { maxMemoryMiB: a.max_memory_mib } : {}),
    powerState: str(a, 'power_state') as PowerState,
    disks: blocks(a, 'disk').map((d) => {
      const volume = str(d, 'volume_id');
      const found = inv.volumes.find((v) => v.name === volume);
      if (!found)
        throw new AgentError(host, 'not_found', `volume "${volume}" of ${address} is not on host ${host}`);
      return { pool: found.pool, volume };
    }),
    nics: blocks(a, 'nic').map((n) => {
      const portGroup = str(n, 'port_group_id');
      const found = inv.portGroups.find((p) => p.name === portGroup);
      if (!found)
        throw new AgentError(
          host,
          'not_found',
          `port group "${portGroup}" of ${address} is not on host ${host}`,
        );
      return typeof n.mac === 'string'
        ? { switch: found.switch, portGroup, mac: n.mac }
        : { switch: found.switch, portGroup };
    }),
  };
}

/** The seed's content: user data, keys, and guest_network (computed by the planner). */
export function cloudInitSpec(a: Attributes): CloudInitSpec | undefined {
  if (!wantsSeed(a)) return undefined;
  const keys = Array.isArray(a.ssh_authorized_keys) ? (a.ssh_authorized_keys as string[]) : [];
  return {
    userData: typeof a.user_data === 'string' ? a.user_data : null,
    sshAuthorizedKeys: keys,
    nics: blocks(a, 'guest_network').map((g) =>
      typeof g.address === 'string'
        ? {
            address: g.address,
            gateway: typeof g.gateway === 'string' ? g.gateway : null,
            dnsServers: Array.isArray(g.dns_servers) ? (g.dns_servers as string[]) : [],
            dnsDomain: typeof g.dns_domain === 'string' ? g.dns_domain : null,
          }
        : { dhcp: true as const },
    ),
  };
}

function priorItem(items: Attributes[keyof Attributes] | undefined, i: number): Attributes {
  const item = Array.isArray(items) ? items[i] : undefined;
  return item && typeof item === 'object' && !Array.isArray(item) ? (item as Attributes) : {};
}

/** The VM's attributes as the host sees them. */
export function vmAttributes(prior: Attributes, d: DomainInfo): Attributes {
  return {
    ...prior,
    vcpus: d.vcpus,
    memory_mib: d.memoryMiB,
    // A maximum left at its default (null) follows vcpus/memory_mib; a set one is read back.
    max_vcpus: typeof prior.max_vcpus === 'number' ? d.maxVcpus : (prior.max_vcpus ?? null),
    max_memory_mib:
      typeof prior.max_memory_mib === 'number' ? d.maxMemoryMiB : (prior.max_memory_mib ?? null),
    power_state: d.powerState,
    uuid: d.uuid,
    // Fields the host does not report (defaults, state-only ones) are kept from the prior item.
    disk: d.disks.map((x, i) => ({ ...priorItem(prior.disk, i), volume_id: x.volume })),
    nic: d.nics.map((x, i) => ({ ...priorItem(prior.nic, i), port_group_id: x.portGroup, mac: x.mac })),
  };
}

async function put(ctx: HandlerContext, address: string, planned: Attributes): Promise<Attributes> {
  const host = str(planned, 'host_id');
  const spec = domainSpec(address, planned, await ctx.inventory(host));
  const info = await ctx.agent(host).putDomain(str(planned, 'name'), spec);
  ctx.invalidate(host);
  return vmAttributes(planned, info);
}

/** A KVM guest: a libvirt domain on its host, defined from the planned attributes. */
export const vmHandler: ResourceHandler = {
  type: 'nssv_vm',
  async read(ctx, _address, prior) {
    const inv = await ctx.inventory(str(prior, 'host_id'));
    const d = inv.domains.find((x) => x.name === prior.name);
    return d ? vmAttributes(prior, d) : null;
  },
  create: (ctx, address, planned) => put(ctx, address, planned),
  update: (ctx, address, _prior, planned) => put(ctx, address, planned),
  async occupied(ctx, planned) {
    if (typeof planned.host_id !== 'string') return [];
    const inv = await ctx.inventory(planned.host_id);
    const d = inv.domains.find((x) => x.name === planned.name);
    return d ? [`domain "${d.name}" on ${planned.host_id}, managed as ${d.address}`] : [];
  },
  async delete(ctx, _address, prior) {
    const host = str(prior, 'host_id');
    await ctx.agent(host).deleteDomain(str(prior, 'name'));
    ctx.invalidate(host);
  },
};
