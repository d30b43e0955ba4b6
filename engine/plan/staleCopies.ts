import type { StaleCopy } from '../../planner/plan/types.js';
import type { State } from '../../planner/state/types.js';
import { AgentError } from '../../provider/agent/agentError.js';
import type { HandlerContext } from '../../provider/handlers/types.js';

/**
 * Copies of VMs left on hosts the state no longer puts them on: a domain with the VM's name and
 * UUID on another host that answers. An HA restart leaves one on the lost host (it may still run
 * there, fenced off its disks); when that host answers again, the apply destroys it, so only one
 * copy of a VM ever runs (issue 11). `hosts` are those that answered the refresh.
 */
export async function findStaleCopies(
  ctx: HandlerContext,
  state: State,
  hosts: Iterable<string>,
): Promise<StaleCopy[]> {
  const byUuid = new Map<string, { address: string; name: string; host: string }>();
  for (const r of state.resources) {
    const { uuid, name, host_id: host } = r.attributes;
    if (r.type !== 'nssv_vm' || typeof uuid !== 'string' || typeof name !== 'string') continue;
    if (typeof host === 'string') byUuid.set(uuid, { address: r.address, name, host });
  }
  if (byUuid.size === 0) return [];
  const out: StaleCopy[] = [];
  for (const host of [...hosts].sort()) {
    let inv;
    try {
      inv = await ctx.inventory(host);
    } catch (e) {
      if (e instanceof AgentError) continue; // it answered the refresh; the next plan looks again
      throw e;
    }
    for (const d of inv.domains) {
      const vm = byUuid.get(d.uuid);
      if (vm && vm.name === d.name && vm.host !== host)
        out.push({ address: vm.address, host, domain: d.name, runsOn: vm.host });
    }
  }
  return out;
}

/** Destroys the stale copies (ACPI shutdown, then destroy; undefined; disks stay). */
export async function removeStaleCopies(ctx: HandlerContext, copies: readonly StaleCopy[]): Promise<void> {
  for (const c of copies) {
    await ctx.agent(c.host).deleteDomain(c.domain);
    ctx.invalidate(c.host);
  }
}
