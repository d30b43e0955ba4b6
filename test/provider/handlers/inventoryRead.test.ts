import { inventoryReader } from '../../../provider/handlers/inventoryRead.js';
import type { HandlerContext } from '../../../provider/handlers/types.js';
import type { Inventory } from '../../../schemas/generated/agentApi.js';

describe('inventoryReader', () => {
  const reader = inventoryReader({
    hostOf: (prior) => String(prior.host_id),
    from: (inv, prior) => (inv.host.name === prior.host_id ? { ...prior, seen: true } : null),
  });

  it('GIVEN an InventoryRead WHEN the handler reads THEN it asks the inventory of the host hostOf names and reads it with from', async () => {
    const asked: string[] = [];
    const ctx = {
      inventory: async (host: string) => {
        asked.push(host);
        return { host: { name: host } } as Inventory;
      },
    } as unknown as HandlerContext;
    expect(await reader.read(ctx, 'nssv_x.a', { host_id: 'h7' })).toEqual({ host_id: 'h7', seen: true });
    expect(asked).toEqual(['h7']);
    expect(reader.inventoryRead?.hostOf({ host_id: 'h7' })).toBe('h7');
  });
});
