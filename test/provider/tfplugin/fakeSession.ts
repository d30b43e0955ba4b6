import type { Inventory } from '../../../schemas/generated/agentApi.js';
import type { AgentClient } from '../../../provider/agent/client.js';
import type { HandlerContext } from '../../../provider/handlers/types.js';
import { Session } from '../../../provider/tfplugin/session.js';
import { emptyInventory } from '../../helpers/inventory.js';

/** Two hosts of cluster "c" whose agents are fixed inventories (no network). */
export function fakeSession(invs: Record<string, Partial<Inventory>>): Session {
  const s = new Session();
  s.configure(
    new Map(
      Object.keys(invs).map((h) => [
        h,
        { host: h, cluster: 'c', endpoint: `http://${h}:7400`, token: `token-of-${h}-0123456789` },
      ]),
    ),
  );
  const full = (h: string): Inventory =>
    emptyInventory(h, {
      host: { name: h, agentVersion: 't', domainType: 'qemu', cpus: 8, memoryMiB: 16384, tunnelIp: null },
      ...invs[h],
    });
  const ctx: HandlerContext = {
    agent: () => {
      throw new Error('no agent calls in this test');
    },
    inventory: async (h: string) => full(h),
    invalidate: () => {},
  } as unknown as HandlerContext & { agent(h: string): AgentClient };
  s.ctx = ctx;
  return s;
}
