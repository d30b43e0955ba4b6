import type { Adoption } from '../../planner/plan/types.js';
import type { HandlerContext } from '../handlers/types.js';

export type { Adoption };

/**
 * Writes nssv's records onto the objects made outside nssv that imports take over (libvirt
 * metadata, a volume record, the bridge's external_ids), one request per object, in order; the
 * objects themselves do not change. Each request is idempotent, so a retried apply redoes it safely.
 */
export async function adoptObjects(
  ctx: HandlerContext,
  imported: ReadonlyArray<{ address: string; adopt?: Adoption[] }>,
): Promise<void> {
  for (const i of imported) {
    for (const a of i.adopt ?? []) {
      const agent = ctx.agent(a.host);
      if (a.kind === 'domain') await agent.adoptDomain(a.name, i.address);
      else if (a.kind === 'volume') await agent.adoptVolume(a.pool!, a.name, i.address);
      else await agent.adoptSwitch(a.name, i.address);
      ctx.invalidate(a.host);
    }
  }
}
