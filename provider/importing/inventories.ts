import type { Diagnostic } from '../../core/diagnostic.js';
import type { Inventory } from '../../schemas/generated/agentApi.js';
import { AgentError } from '../agent/agentError.js';
import { providerErrors } from '../errors.js';
import type { HandlerContext } from '../handlers/types.js';

/** Every host's inventory (one call each, in parallel); an agent that fails is a diagnostic naming it. */
export async function readInventories(
  ctx: HandlerContext,
  hosts: readonly string[],
): Promise<{ invs: Map<string, Inventory>; diagnostics: Diagnostic[] }> {
  const invs = new Map<string, Inventory>();
  const diagnostics: Diagnostic[] = [];
  await Promise.all(
    [...hosts].sort().map(async (h) => {
      try {
        invs.set(h, await ctx.inventory(h));
      } catch (e) {
        if (!(e instanceof AgentError)) throw e;
        diagnostics.push(providerErrors.refreshFailed(`host ${h}`, e));
      }
    }),
  );
  return { invs: new Map([...invs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))), diagnostics };
}
