import type { Inventory } from '../../schemas/generated/agentApi.js';
import type { HandlerContext } from '../handlers/types.js';
import type { Adoption } from './adopt.js';
import { asDomainInfo } from './unmanaged.js';

/** An adoption with the address the import gives its object. */
export type AddressedAdoption = Adoption & { address: string };

/**
 * The host's inventory as it will read once the adoptions are applied: each adopted object moves
 * from `unmanaged` into its managed list under its import address (nothing else about it changes).
 */
export function promoteAdopted(inv: Inventory, adoptions: readonly AddressedAdoption[]): Inventory {
  const u = inv.unmanaged;
  if (!u || adoptions.length === 0) return inv;
  const out: Inventory = {
    ...inv,
    domains: [...inv.domains],
    volumes: [...inv.volumes],
    switches: [...inv.switches],
  };
  for (const a of adoptions) {
    if (a.kind === 'domain') {
      const d = u.domains.find((x) => x.name === a.name);
      if (d) out.domains.push({ ...asDomainInfo(d), address: a.address });
    } else if (a.kind === 'volume') {
      const v = u.volumes.find((x) => x.name === a.name && x.pool === a.pool);
      if (v)
        out.volumes.push({
          pool: v.pool,
          name: v.name,
          address: a.address,
          format: v.format,
          sizeGiB: v.sizeGiB,
          path: v.path,
          allocatedBytes: v.allocatedBytes,
        });
    } else {
      const s = u.switches.find((x) => x.name === a.name);
      if (s)
        out.switches.push({
          name: s.name,
          address: a.address,
          mtu: s.mtu,
          transport: 'vlan',
          vxlanPort: 4789,
          peers: [],
          uplinks: [],
          bondMode: null,
          lacp: null,
          uplinkState: [],
          detachedNics: [],
        });
    }
  }
  return out;
}

/** A handler context whose inventories show the adoptions as applied (to read adopted objects at plan time). */
export function withAdoptions(ctx: HandlerContext, adoptions: readonly AddressedAdoption[]): HandlerContext {
  if (adoptions.length === 0) return ctx;
  // Without conditionalInventory: its inventories would not have the adoptions promoted.
  const { conditionalInventory: _unpromoted, ...plain } = ctx;
  return {
    ...plain,
    inventory: async (host) =>
      promoteAdopted(
        await ctx.inventory(host),
        adoptions.filter((a) => a.host === host),
      ),
  };
}
