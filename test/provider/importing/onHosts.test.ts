import { emptyInventory } from '../../helpers/inventory.js';
import { objectsOnHosts } from '../../../provider/importing/onHosts.js';
import type { Inventory } from '../../../schemas/generated/agentApi.js';

const inv = (over: Partial<Inventory>): Inventory => emptyInventory('h', over);

describe('objectsOnHosts', () => {
  it('GIVEN an image storage and an image kept on two hosts THEN each is one object with both hosts and its recorded address', () => {
    const store = {
      name: 'lib',
      address: 'nssv_image_storage.lib',
      path: '/x/lib',
    } as Inventory['imageStores'][number];
    const image = {
      store: 'lib',
      name: 'base',
      address: 'nssv_image.base',
      source: '/srv/base.qcow2',
      format: 'qcow2',
      sha256: 'a'.repeat(64),
      sizeBytes: 1,
      virtualSizeBytes: 1,
      path: '/x/lib/base',
    } as Inventory['images'][number];
    const both = inv({ imageStores: [store], images: [image] });
    expect(
      objectsOnHosts(
        new Map([
          ['h2', both],
          ['h1', both],
        ]),
      ),
    ).toEqual([
      { type: 'nssv_image', name: 'base', hosts: ['h1', 'h2'], address: 'nssv_image.base', id: 'base' },
      {
        type: 'nssv_image_storage',
        name: 'lib',
        hosts: ['h1', 'h2'],
        address: 'nssv_image_storage.lib',
        id: 'lib',
      },
    ]);
  });
});
