import { inventoryTag } from '../../../agentd/http/inventoryTag.js';
import type { Inventory } from '../../../schemas/generated/agentApi.js';
import { domainInfo, emptyInventory } from '../../helpers/inventory.js';

/** A host with a pool, a volume in it, a running domain and a firewall flow. */
function host(usage: { available: number; allocated: number; packets: number }): Inventory {
  return emptyInventory('h1', {
    pools: [
      {
        name: 'p',
        address: 'nssv_storage_pool.p',
        path: '/p',
        capacityBytes: 100,
        availableBytes: usage.available,
      },
    ],
    volumes: [
      {
        pool: 'p',
        name: 'v',
        address: 'nssv_volume.v',
        format: 'qcow2',
        sizeGiB: 1,
        path: '/p/v',
        allocatedBytes: usage.allocated,
      },
    ],
    domains: [domainInfo('web')],
    firewall: {
      inSync: true,
      ports: [],
      flows: [{ switch: 'sw', cookie: '0x1', owner: 'nssv pipeline', flows: 3, packets: usage.packets }],
    },
  });
}

describe('inventoryTag', () => {
  const quiet = host({ available: 50, allocated: 10, packets: 0 });

  it('GIVEN only free space, bytes allocated and packets matched changed THEN the same tag', () => {
    expect(inventoryTag(host({ available: 49, allocated: 12, packets: 7 }))).toBe(inventoryTag(quiet));
  });

  it.each<[string, (inv: Inventory) => void]>([
    [
      'a domain powered off',
      (inv) => (inv.domains[0] = { ...inv.domains[0]!, powerState: 'shutoff', state: 'shut off' }),
    ],
    ['a pool grown', (inv) => (inv.pools[0] = { ...inv.pools[0]!, capacityBytes: 200 })],
    ['a volume resized', (inv) => (inv.volumes[0] = { ...inv.volumes[0]!, sizeGiB: 2 })],
    ['a flow more', (inv) => (inv.firewall.flows[0] = { ...inv.firewall.flows[0]!, flows: 4 })],
    ['a domain gone', (inv) => inv.domains.pop()],
  ])('GIVEN %s THEN another tag', (_what, change) => {
    const changed = host({ available: 50, allocated: 10, packets: 0 });
    change(changed);
    expect(inventoryTag(changed)).not.toBe(inventoryTag(quiet));
  });

  it('GIVEN an inventory THEN tagging it leaves it as it was', () => {
    const inv = host({ available: 50, allocated: 10, packets: 5 });
    const before = structuredClone(inv);
    inventoryTag(inv);
    expect(inv).toEqual(before);
  });
});
