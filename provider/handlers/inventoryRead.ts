import type { InventoryRead, ResourceHandler } from './types.js';

/** A handler's read and inventoryRead from one InventoryRead: the read asks the host's inventory (once per context), then reads it. */
export function inventoryReader(r: InventoryRead): Pick<ResourceHandler, 'read' | 'inventoryRead'> {
  return {
    inventoryRead: r,
    read: async (ctx, _address, prior) => r.from(await ctx.inventory(r.hostOf(prior)), prior),
  };
}
