import { AgentClient } from '../../../provider/agent/client.js';
import type { InventoryPrefetch } from '../../../provider/agent/inventoryPrefetch.js';
import { createHandlerContext } from '../../../provider/handlers/context.js';
import { FakeAgent } from '../agent/fakeAgent.js';

let h1: FakeAgent;
beforeEach(async () => {
  h1 = await new FakeAgent('h1').start();
});
afterEach(() => h1.close());

/** A prefetch that gives, once, the answer the agent gives to GET /v1/inventory with these headers. */
function prefetchOf(headers: Record<string, string>): InventoryPrefetch {
  let taken = false;
  return {
    take: (target) => {
      if (taken) return undefined;
      taken = true;
      return new AgentClient(target).request('GET', '/v1/inventory', undefined, undefined, headers);
    },
  };
}
const inventoryReads = () => h1.requests.filter((r) => r.path === '/v1/inventory').length;

describe('createHandlerContext: conditional inventory reads', () => {
  it('GIVEN the worker got a 304 WHEN read conditionally THEN unchanged with the tag, and no other request; inventory() then asks the agent once', async () => {
    const tag = (await new AgentClient(h1.endpoint()).request('GET', '/v1/inventory')).etag!;
    const ctx = createHandlerContext(
      new Map([['h1', h1.endpoint()]]),
      {},
      prefetchOf({ 'if-none-match': tag }),
    );
    expect(await ctx.conditionalInventory!('h1')).toEqual({ unchanged: true, etag: tag });
    expect(inventoryReads()).toBe(2);
    expect(await ctx.inventory('h1')).toEqual(h1.inventory);
    expect(await ctx.inventory('h1')).toEqual(h1.inventory);
    expect(inventoryReads()).toBe(3);
  });

  it('GIVEN the worker got the inventory WHEN read conditionally THEN it with its tag; inventory() gives the same without asking', async () => {
    const ctx = createHandlerContext(new Map([['h1', h1.endpoint()]]), {}, prefetchOf({}));
    const seen = await ctx.conditionalInventory!('h1');
    expect(seen).toEqual({
      unchanged: false,
      inventory: h1.inventory,
      etag: expect.stringMatching(/^"[\w-]{43}"$/),
    });
    expect(await ctx.inventory('h1')).toEqual(h1.inventory);
    expect(inventoryReads()).toBe(1);
  });

  it('GIVEN no worker WHEN read conditionally THEN the inventory, untagged', async () => {
    const ctx = createHandlerContext(new Map([['h1', h1.endpoint()]]));
    expect(await ctx.conditionalInventory!('h1')).toEqual({
      unchanged: false,
      inventory: h1.inventory,
      etag: undefined,
    });
  });

  it('GIVEN a read conditionally THEN invalidate forgets it: the next read asks the agent', async () => {
    const ctx = createHandlerContext(new Map([['h1', h1.endpoint()]]), {}, prefetchOf({}));
    await ctx.conditionalInventory!('h1');
    ctx.invalidate('h1');
    await ctx.conditionalInventory!('h1');
    expect(inventoryReads()).toBe(2);
  });
});
