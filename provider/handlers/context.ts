import type { Inventory } from '../../schemas/generated/agentApi.js';
import { AgentClient, type AgentClientOptions, type AgentEndpoint } from '../agent/client.js';
import { AgentError } from '../agent/agentError.js';
import type { InventoryPrefetch } from '../agent/inventoryPrefetch.js';
import type { HandlerContext } from './types.js';

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
  return {
    agent,
    inventory(hostId) {
      let p = inventories.get(hostId);
      if (!p) {
        const ep = endpoints.get(hostId);
        const early = ep && prefetch?.take(ep);
        p = early
          ? early.then((res) => (res ? agent(hostId).inventoryFrom(res) : agent(hostId).inventory()))
          : agent(hostId).inventory();
        inventories.set(hostId, p);
        p.catch(() => inventories.delete(hostId));
      }
      return p;
    },
    invalidate(hostId) {
      inventories.delete(hostId);
    },
  };
}
