import type { Inventory } from '../../schemas/generated/agentApi.js';
import { AgentClient, type AgentClientOptions, type AgentEndpoint } from '../agent/client.js';
import { AgentError } from '../agent/agentError.js';
import type { InventoryPrefetch } from '../agent/inventoryPrefetch.js';
import type { HttpAnswer } from '../agent/httpSend.js';
import type { ConditionalInventory, HandlerContext } from './types.js';

/**
 * A handler context over a fixed set of host endpoints; inventories are fetched once per host.
 * With a prefetch, a host's first inventory is read from the answer a worker got from the same endpoint.
 */
export function createHandlerContext(
  endpoints: ReadonlyMap<string, AgentEndpoint>,
  options: AgentClientOptions = {},
  prefetch?: InventoryPrefetch,
): HandlerContext {
  const clients = new Map<string, AgentClient>();
  const inventories = new Map<string, Promise<Inventory>>();
  /** The tags of the inventories read from the worker's answers. */
  const etags = new Map<string, string>();
  const conditional = new Map<string, Promise<ConditionalInventory>>();
  const agent = (hostId: string): AgentClient => {
    let c = clients.get(hostId);
    if (!c) {
      const ep = endpoints.get(hostId);
      if (!ep) {
        throw new AgentError(
          hostId,
          'not_found',
          `host "${hostId}" is not declared: add an nssv_host with name = "${hostId}"`,
        );
      }
      c = new AgentClient(ep, options);
      clients.set(hostId, c);
    }
    return c;
  };
  /** The worker's answer for a host, the first time it is asked for (see InventoryPrefetch.take). */
  const early = (hostId: string): Promise<HttpAnswer | undefined> | undefined => {
    const ep = endpoints.get(hostId);
    return ep && prefetch?.take(ep);
  };
  const remember = (hostId: string, p: Promise<Inventory>): Promise<Inventory> => {
    inventories.set(hostId, p);
    p.catch(() => inventories.delete(hostId));
    return p;
  };
  /** An answer of the worker read as the inventory (a 304, or none: asked again, unconditionally). */
  const inventoryOf = (hostId: string, res: HttpAnswer | undefined): Promise<Inventory> | Inventory => {
    if (!res || res.status === 304) return agent(hostId).inventory();
    const inv = agent(hostId).inventoryFrom(res);
    if (res.etag !== undefined) etags.set(hostId, res.etag);
    return inv;
  };
  const asRead =
    (hostId: string) =>
    (inventory: Inventory): ConditionalInventory => ({
      unchanged: false,
      inventory,
      etag: etags.get(hostId),
    });
  const ctx: HandlerContext = {
    agent,
    inventory(hostId) {
      const known = inventories.get(hostId);
      if (known) return known;
      // After a conditional read: its inventory, or (304) the inventory asked for now.
      const earlier = conditional.get(hostId);
      if (earlier)
        return remember(
          hostId,
          earlier.then((o) => (o.unchanged ? agent(hostId).inventory() : o.inventory)),
        );
      const answer = early(hostId);
      return remember(
        hostId,
        answer ? answer.then((res) => inventoryOf(hostId, res)) : agent(hostId).inventory(),
      );
    },
    conditionalInventory(hostId) {
      let p = conditional.get(hostId);
      if (p) return p;
      const answer = inventories.has(hostId) ? undefined : early(hostId);
      p = answer
        ? answer.then((res) =>
            res?.status === 304 && res.etag !== undefined
              ? { unchanged: true, etag: res.etag }
              : Promise.resolve(inventoryOf(hostId, res)).then(asRead(hostId)),
          )
        : ctx.inventory(hostId).then(asRead(hostId));
      conditional.set(hostId, p);
      p.catch(() => conditional.delete(hostId));
      return p;
    },
    invalidate(hostId) {
      inventories.delete(hostId);
      conditional.delete(hostId);
      etags.delete(hostId);
    },
  };
  return ctx;
}
