import type { DesiredInstance } from '../../planner/config/types.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { Plan } from '../../planner/plan/types.js';
import { AgentError } from '../../provider/agent/agentError.js';
import { handlerFor } from '../../provider/handlers/registry.js';
import type { HandlerContext } from '../../provider/handlers/types.js';

/**
 * Before creating, make sure nothing with the same identity is already on the hosts: it would
 * belong to another configuration's state (or was made by hand), and the agents' idempotent PUTs
 * would otherwise silently take it over — and a later destroy here would delete it.
 */
export async function checkOccupied(
  ctx: HandlerContext,
  plan: Plan,
  desired: readonly DesiredInstance[],
): Promise<Diagnostic[]> {
  const ranges = new Map(desired.map((d) => [d.address, d.range]));
  const found = await Promise.all(
    plan.changes
      .filter((c) => c.action === 'create' && c.after)
      .map(async (c) => {
        const h = handlerFor(c.type);
        try {
          return { c, objects: h.occupied ? await h.occupied(ctx, c.after!) : [] };
        } catch (e) {
          if (e instanceof AgentError) return { c, objects: [] }; // refresh already reported the host
          throw e;
        }
      }),
  );
  return found
    .filter((f) => f.objects.length > 0)
    .map(({ c, objects }) => {
      const range = ranges.get(c.address);
      return {
        severity: 'error' as const,
        code: 'NSSV_ALREADY_EXISTS',
        address: c.address,
        summary: `${c.address} would be created, but ${objects.join('; ')} already exists and is not in this configuration's state`,
        detail: `nssv never takes over objects it did not create: another configuration directory (another state) manages it, or it was made by hand. Fix: give ${c.address} another name, or remove the existing object through the configuration that manages it.`,
        ...(range ? { range } : {}),
      };
    });
}
