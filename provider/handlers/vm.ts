import { expiresAt } from './trashRetention.js';
import type { Attributes } from '../../core/values.js';
import { wantsSeed } from '../../planner/plan/transforms/deriveGuestNetwork.js';
import type { CloudInitSpec, DomainInfo, DomainSpec, Inventory } from '../../schemas/generated/agentApi.js';
import { AgentError } from '../agent/agentError.js';
import { typed, untyped } from './attrs.js';
import { copyStorageSpec, localVolumesOf, precreate, removeCopies } from './copyStorage.js';
import { inventoryReader } from './inventoryRead.js';
import type { HandlerContext, ResourceHandler } from './types.js';

const vm = (a: Attributes) => typed('nssv_vm', a);

/** Builds the agent's domain spec, finding each disk's pool and each NIC's switch on the host. */
export function domainSpec(address: string, a: Attributes, inv: Inventory): DomainSpec {
  const v = vm(a);
  const host = inv.host.name;
  const cloudInit = cloudInitSpec(a);
  return {
    ...(cloudInit ? { cloudInit } : {}),
    address,
    vcpus: v.vcpus,
    memoryMiB: v.memory_mib,
    ...(typeof v.max_vcpus === 'number' ? { maxVcpus: v.max_vcpus } : {}),
    ...(typeof v.max_memory_mib === 'number' ? { maxMemoryMiB: v.max_memory_mib } : {}),
    powerState: v.power_state,
    tags: v.tags,
    onCrash: v.ha_enabled ? 'restart' : 'destroy',
    // Absent from attributes recorded before the attribute existed.
    ...((v.pci_passthrough ?? []).length > 0 ? { pciDevices: v.pci_passthrough } : {}),
    disks: v.disk.map((d) => {
      const found = inv.volumes.find((x) => x.name === d.volume_id);
      if (!found)
        throw new AgentError(
          host,
          'not_found',
          `volume "${d.volume_id}" of ${address} is not on host ${host}`,
        );
      return { pool: found.pool, volume: d.volume_id, bus: d.bus, bootOrder: d.boot_order ?? null };
    }),
    nics: v.nic.map((n) => {
      const found = inv.portGroups.find((p) => p.name === n.port_group_id);
      if (!found)
        throw new AgentError(
          host,
          'not_found',
          `port group "${n.port_group_id}" of ${address} is not on host ${host}`,
        );
      const groups = n.security_group_ids ?? [];
      return {
        switch: found.switch,
        portGroup: n.port_group_id,
        ...(typeof n.mac === 'string' ? { mac: n.mac } : {}),
        ...(typeof n.ip === 'string' ? { ip: n.ip } : {}),
        ...(groups.length > 0 ? { securityGroups: groups } : {}),
      };
    }),
  };
}

/** The seed's content: user data, keys, and guest_network (computed by the planner). */
export function cloudInitSpec(a: Attributes): CloudInitSpec | undefined {
  if (!wantsSeed(a)) return undefined;
  const v = vm(a);
  return {
    userData: v.user_data ?? null,
    sshAuthorizedKeys: v.ssh_authorized_keys,
    rebootOnChange: v.cloud_init_changes === 'reboot',
    nics: (v.guest_network ?? []).map((g) => ({
      address: g.address ?? null,
      gateway: g.gateway ?? null,
      dnsServers: g.dns_servers ?? [],
      dnsDomain: g.dns_domain ?? null,
    })),
  };
}

/** The VM's attributes as the host sees them. */
export function vmAttributes(prior: Attributes, d: DomainInfo): Attributes {
  const p = vm(prior);
  // Fields the host does not report (defaults, state-only ones) are kept from the prior item;
  // a disk or NIC the prior attributes do not have gets only what the host reports.
  const disks = d.disks.map((x, i) => ({
    ...p.disk[i],
    volume_id: x.volume,
    bus: x.bus,
    boot_order: x.bootOrder,
  }));
  const nics = d.nics.map((x, i) => {
    const before = p.nic[i];
    // security_group_ids in the order configured, when the host has the same set (it keeps them sorted).
    const groups = before?.security_group_ids ?? [];
    const sameGroups = [...groups].sort().join(',') === x.securityGroups.join(',');
    return {
      ...before,
      port_group_id: x.portGroup,
      mac: x.mac,
      ip: x.ip,
      security_group_ids: sameGroups ? groups : x.securityGroups,
    };
  });
  return untyped({
    ...p,
    vcpus: d.vcpus,
    memory_mib: d.memoryMiB,
    // A maximum left at its default (null) follows vcpus/memory_mib; a set one is read back.
    ...(typeof p.max_vcpus === 'number' ? { max_vcpus: d.maxVcpus } : {}),
    ...(typeof p.max_memory_mib === 'number' ? { max_memory_mib: d.maxMemoryMiB } : {}),
    power_state: d.powerState,
    tags: d.tags,
    // An HA VM restarts on crash; a domain whose crash action was changed out of band is drift.
    ha_enabled: d.onCrash === undefined ? p.ha_enabled : d.onCrash === 'restart',
    // What the definition passes through: a hostdev removed out of band is drift.
    pci_passthrough: d.pciDevices ?? [],
    uuid: d.uuid,
    // Derived by the planner; a VM read without it (an import) and without a seed has none.
    guest_network: p.guest_network ?? (d.cloudInit ? null : []),
    cloud_init_seed: d.cloudInit?.seed ?? null,
    disk: disks,
    nic: nics,
  });
}

async function put(ctx: HandlerContext, address: string, planned: Attributes): Promise<Attributes> {
  const host = vm(planned).host_id;
  const spec = domainSpec(address, planned, await ctx.inventory(host));
  const info = await ctx.agent(host).putDomain(vm(planned).name, spec);
  ctx.invalidate(host);
  return vmAttributes(planned, info);
}

/**
 * Moves the VM's domain from its prior host to its planned one (a `migrate` in the plan): live
 * when it runs, cold when shut off; the source agent drives libvirt's migration to the target the
 * destination's agent reports. Disks on shared rbd pools stay put; a disk in a dir pool is copied
 * by the live migration into a twin made on the destination first, and the source's copy is
 * removed once the VM runs there (a failed migration removes the twins instead).
 */
async function migrate(ctx: HandlerContext, address: string, prior: Attributes, planned: Attributes) {
  const [from, to, name] = [vm(prior).host_id, vm(planned).host_id, vm(planned).name];
  const target = (await ctx.inventory(to)).host.migration;
  if (!target) {
    throw new AgentError(
      to,
      'conflict',
      `cannot migrate ${address} to host ${to}: its agentd config has no "migration" (the libvirt URI and address peers migrate to); add it and restart agentd`,
    );
  }
  const copies = await precreate(ctx, address, to, localVolumesOf(await ctx.inventory(from), name));
  try {
    const spec = domainSpec(address, planned, await ctx.inventory(to));
    const uuid =
      typeof prior.uuid === 'string'
        ? prior.uuid
        : String((await ctx.inventory(from)).domains.find((d) => d.name === name)?.uuid);
    const { seed, consoleLog } = await ctx.agent(to).prepareIncoming(name, { uuid, domain: spec });
    const copyStorage = copyStorageSpec(copies);
    await ctx.agent(from).migrateDomain(name, {
      host: to,
      target,
      ...(copyStorage ? { copyStorage } : {}),
      ...(seed ? { seed } : {}),
      ...(consoleLog ? { consoleLog } : {}),
    });
  } catch (e) {
    // The original error stays the one raised; a failed clean-up is added to it, never hides it.
    await removeCopies(
      ctx,
      to,
      copies.map((c) => c.destination),
    ).catch((cleanup: unknown) => {
      if (e instanceof Error) {
        e.message += `; removing the copies made on ${to} (${copies.map((c) => c.destination.path).join(', ')}) failed too: ${cleanup instanceof Error ? cleanup.message : String(cleanup)}`;
      }
    });
    throw e;
  } finally {
    ctx.invalidate(from);
    ctx.invalidate(to);
  }
  // The VM runs on `to` now: a leftover source copy is removed again by its volume's update step.
  await removeCopies(
    ctx,
    from,
    copies.map((c) => c.source),
  ).catch(() => undefined);
}

/** Back to the source after a migration whose follow-up failed, so the VM runs where the state says. */
async function migrateBack(ctx: HandlerContext, address: string, prior: Attributes, planned: Attributes) {
  try {
    await migrate(ctx, address, planned, prior);
  } catch {
    // Reported by the caller's error; the next refresh sees where the domain is.
  }
}

/** The attributes apart from host_id, in a stable form (a pure move changes nothing else). */
const besidesHost = (a: Attributes): string =>
  JSON.stringify(
    Object.keys(a)
      .filter((k) => k !== 'host_id')
      .sort()
      .map((k) => [k, a[k]]),
  );

/** Whether the host's agent does not answer at all (not: answers with an error). */
async function lost(ctx: HandlerContext, host: string): Promise<boolean> {
  try {
    await ctx.inventory(host);
    return false;
  } catch (e) {
    if (e instanceof AgentError && e.code === 'unreachable') return true;
    throw e;
  }
}

/**
 * An HA restart (the seeds' downtime migration): the VM's host does not answer, so the planned
 * host fences the old copy off its rbd disks and starts the VM there with its old UUID.
 */
async function haRestart(ctx: HandlerContext, address: string, prior: Attributes, planned: Attributes) {
  const [to, name, uuid] = [vm(planned).host_id, vm(planned).name, vm(prior).uuid];
  if (typeof uuid !== 'string')
    throw new AgentError(to, 'conflict', `cannot restart ${address} on ${to}: its UUID is not recorded`);
  const spec = domainSpec(address, planned, await ctx.inventory(to));
  const done = await ctx.agent(to).takeOverDomain(name, { uuid, domain: spec });
  ctx.invalidate(to);
  return vmAttributes(planned, done.domain);
}

async function update(ctx: HandlerContext, address: string, prior: Attributes, planned: Attributes) {
  if (vm(prior).host_id === vm(planned).host_id) return put(ctx, address, planned);
  if (vm(planned).ha_enabled && (await lost(ctx, vm(prior).host_id)))
    return haRestart(ctx, address, prior, planned);
  await migrate(ctx, address, prior, planned);
  try {
    // A pure move is done: re-applying the spec could power-cycle the guest that just moved live.
    if (besidesHost(prior) === besidesHost(planned)) {
      const to = vm(planned).host_id;
      const d = (await ctx.inventory(to)).domains.find((x) => x.name === vm(planned).name);
      if (d) return vmAttributes(planned, d);
    }
    return await put(ctx, address, planned);
  } catch (e) {
    await migrateBack(ctx, address, prior, planned);
    throw e;
  }
}

/** A KVM guest: a libvirt domain on its host, defined from the planned attributes. */
export const vmHandler: ResourceHandler = {
  type: 'nssv_vm',
  ...inventoryReader({
    hostOf: (prior) => vm(prior).host_id,
    from(inv, prior) {
      const name = vm(prior).name;
      const d = inv.domains.find((x) => x.name === name);
      return d ? vmAttributes(prior, d) : null;
    },
  }),
  create: (ctx, address, planned) => put(ctx, address, planned),
  update: (ctx, address, prior, planned) => update(ctx, address, prior, planned),
  async occupied(ctx, planned) {
    const p = vm(planned);
    if (typeof p.host_id !== 'string') return [];
    const inv = await ctx.inventory(p.host_id);
    const d = inv.domains.find((x) => x.name === p.name);
    return d ? [`domain "${d.name}" on ${p.host_id}, managed as ${d.address}`] : [];
  },
  async delete(ctx, address, prior) {
    const p = vm(prior);
    // The plan refuses this (deletePolicy); a handler called anyway (Terraform's own plan) refuses too.
    if (p.delete_policy === 'never') {
      throw new Error(`${address} has delete_policy = "never": nssv does not delete it`);
    }
    if (p.delete_policy === 'delayed') {
      // Already gone (undefined outside nssv): nothing to keep, as a plain delete finds nothing to undefine.
      if (!(await ctx.inventory(p.host_id)).domains.some((d) => d.name === p.name)) return;
      await ctx.agent(p.host_id).trashDomain(p.name, { address, expiresAt: expiresAt('delayed') });
    } else {
      await ctx.agent(p.host_id).deleteDomain(p.name);
    }
    ctx.invalidate(p.host_id);
  },
  /**
   * Undoing a delete: a VM kept in the trash (delayed) is defined again from there, same UUID and
   * definition, and started if it ran; otherwise it is defined again from its attributes.
   */
  async undoDelete(ctx, address, prior) {
    const p = vm(prior);
    if (p.delete_policy !== 'delayed') return { attributes: await put(ctx, address, prior) };
    const agent = ctx.agent(p.host_id);
    const entry = (await agent.listTrash()).entries
      .filter((e) => e.domain === p.name && e.address === address)
      .sort((x, y) => (x.deletedAt < y.deletedAt ? 1 : -1))[0];
    if (!entry) return { attributes: await put(ctx, address, prior) };
    await agent.restoreTrash(entry.id);
    ctx.invalidate(p.host_id);
    // Defined again as it was; put() converges it (power state included) without redefining what matches.
    const attributes = await put(ctx, address, prior);
    return { attributes, note: `restored from the trash (${entry.id}), same domain UUID` };
  },
};
