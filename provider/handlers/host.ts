import type { Inventory } from '../../schemas/generated/agentApi.js';
import type { Attributes } from '../../core/values.js';
import { AgentError } from '../agent/agentError.js';
import { typed, untyped } from './attrs.js';
import { inventoryReader } from './inventoryRead.js';
import type { HandlerContext, ResourceHandler } from './types.js';

/** Checks the agent answers as the host it is declared to be, and records its facts. */
function factsFrom(inv: Inventory, attrs: Attributes): Attributes {
  const planned = typed('nssv_host', attrs);
  if (inv.host.name !== planned.name) {
    throw new AgentError(
      planned.name,
      'conflict',
      `the agent at ${planned.endpoint} says it is host "${inv.host.name}", not "${planned.name}"; fix the endpoint of nssv_host "${planned.name}" or the agent's hostName`,
    );
  }
  return untyped({
    ...planned,
    cpus: inv.host.cpus,
    memory_mib: inv.host.memoryMiB,
    domain_type: inv.host.domainType,
  });
}

const hostName = (attrs: Attributes): string => typed('nssv_host', attrs).name;

async function withFacts(ctx: HandlerContext, attrs: Attributes): Promise<Attributes> {
  return factsFrom(await ctx.inventory(hostName(attrs)), attrs);
}

/** A hypervisor host: nothing is created on it; the agent is checked and its facts recorded. */
export const hostHandler: ResourceHandler = {
  type: 'nssv_host',
  ...inventoryReader({ hostOf: hostName, from: factsFrom }),
  create: async (ctx, _address, planned) => withFacts(ctx, planned),
  update: async (ctx, _address, _prior, planned) => withFacts(ctx, planned),
  delete: async () => {},
};
