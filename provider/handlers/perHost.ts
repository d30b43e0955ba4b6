import type { Inventory } from '../../schemas/generated/agentApi.js';
import type { Attributes } from '../../core/values.js';
import type { AgentClient } from '../agent/client.js';
import { resolved, typed } from './attrs.js';
import type { HandlerContext, ResourceHandler } from './types.js';

/** Which host a put is for, and the context (other hosts' inventories, e.g. tunnel peers). */
export interface PutTarget {
  hostId: string;
  ctx: HandlerContext;
}

/**
 * A resource realised once on each of a set of hosts (`host_ids`, computed by the planner):
 * switches, port groups, dir pools. Updates converge every host in the new set and remove the
 * object from hosts that left the set.
 */
/** The resource types realised once per host; their schemas give each a read-only host_ids. */
export type PerHostType =
  | 'nssv_storage_pool'
  | 'nssv_distributed_switch'
  | 'nssv_port_group'
  | 'nssv_security_group'
  | 'nssv_image_storage'
  | 'nssv_image';

export interface PerHostOps {
  type: PerHostType;
  put(agent: AgentClient, address: string, attrs: Attributes, on: PutTarget): Promise<unknown>;
  remove(agent: AgentClient, attrs: Attributes): Promise<unknown>;
  /** The live attributes on one host (host_ids excluded), or null when it is not there. */
  find(inv: Inventory, attrs: Attributes): Attributes | null;
  /** What the object is called on a host, for messages: `bridge "lan"`. */
  describe(attrs: Attributes): string;
  /** The nssv address the existing object carries, when the inventory says. */
  addressOn(inv: Inventory, attrs: Attributes): string | undefined;
}

export function perHostHandler(ops: PerHostOps): ResourceHandler {
  /** The hosts the planner put the object on. */
  const hostIds = (a: Attributes): string[] => resolved(typed(ops.type, a).host_ids, 'host_ids');
  return {
    type: ops.type,
    // read asks exactly the inventories of the hosts the object was put on.
    readHosts: (prior) => (Array.isArray(prior.host_ids) ? hostIds(prior) : []),
    async read(ctx, _address, prior, asRecordedOn) {
      const present: string[] = [];
      let live: Attributes | null = null;
      for (const hostId of hostIds(prior)) {
        // There as recorded: found (host_ids read back whole), and as the record says if first.
        const found = asRecordedOn?.has(hostId) ? prior : ops.find(await ctx.inventory(hostId), prior);
        if (found) {
          present.push(hostId);
          live ??= found;
        }
      }
      if (!live) return null;
      return { ...prior, ...live, host_ids: present };
    },
    async create(ctx, address, planned) {
      // All hosts or none: a failed step is not undone by the apply's rollback (only completed
      // ones are), so the hosts it was already made on are cleaned here before the error goes on.
      const made: string[] = [];
      try {
        for (const hostId of hostIds(planned)) {
          await ops.put(ctx.agent(hostId), address, planned, { hostId, ctx });
          ctx.invalidate(hostId);
          made.push(hostId);
        }
      } catch (e) {
        for (const hostId of made.reverse()) {
          try {
            await ops.remove(ctx.agent(hostId), planned);
          } catch {
            // The original error is the one to report; the leftover shows as an orphan.
          }
          ctx.invalidate(hostId);
        }
        throw e;
      }
      return planned;
    },
    async update(ctx, address, prior, planned) {
      const next = hostIds(planned);
      for (const hostId of next) {
        await ops.put(ctx.agent(hostId), address, planned, { hostId, ctx });
        ctx.invalidate(hostId);
      }
      for (const hostId of hostIds(prior)) {
        if (next.includes(hostId)) continue;
        await ops.remove(ctx.agent(hostId), prior);
        ctx.invalidate(hostId);
      }
      return planned;
    },
    async occupied(ctx, planned) {
      const hosts = Array.isArray(planned.host_ids) ? hostIds(planned) : [];
      const out: string[] = [];
      for (const hostId of hosts) {
        const inv = await ctx.inventory(hostId);
        if (ops.find(inv, planned))
          out.push(`${ops.describe(planned)} on ${hostId}, managed as ${ops.addressOn(inv, planned) ?? '?'}`);
      }
      return out;
    },
    async delete(ctx, _address, prior) {
      for (const hostId of hostIds(prior)) {
        await ops.remove(ctx.agent(hostId), prior);
        ctx.invalidate(hostId);
      }
    },
  };
}
