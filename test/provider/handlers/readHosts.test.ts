import type { Attributes } from '../../../core/values.js';
import { handlerFor } from '../../../provider/handlers/registry.js';
import type { HandlerContext } from '../../../provider/handlers/types.js';
import { emptyInventory } from '../../helpers/inventory.js';

/** A context that records which hosts' inventories are asked for (each host: an empty inventory). */
function tracking(): { ctx: HandlerContext; asked: string[] } {
  const asked: string[] = [];
  const ctx: HandlerContext = {
    agent: () => {
      throw new Error('a read sends nothing but inventory requests');
    },
    inventory: async (host) => {
      asked.push(host);
      return emptyInventory(host);
    },
    invalidate: () => undefined,
  };
  return { ctx, asked };
}

describe('ResourceHandler.readHosts', () => {
  it.each<[string, Attributes]>([
    ['nssv_storage_pool', { name: 'p', kind: 'dir', host_ids: ['h2', 'h1'] }],
    ['nssv_storage_pool', { name: 'p', kind: 'rbd', ceph_pool: 'rbd', host_ids: ['h1', 'h3'] }],
    ['nssv_distributed_switch', { name: 'sw', host_ids: ['h1', 'h2', 'h3'] }],
    ['nssv_port_group', { name: 'pg', switch_id: 'sw', vlan_id: 10, host_ids: ['h3'] }],
    ['nssv_security_group', { name: 'sg', host_ids: ['h1', 'h2'] }],
    ['nssv_image_storage', { name: 'st', kind: 'dir', host_ids: ['h2'] }],
    ['nssv_image', { name: 'img', image_storage_id: 'st', host_ids: ['h1', 'h2'] }],
  ])(
    'GIVEN %s %j THEN read asks exactly the inventories of the hosts readHosts names',
    async (type, prior) => {
      const h = handlerFor(type);
      const { ctx, asked } = tracking();
      await h.read(ctx, `${type}.x`, prior);
      expect(asked).toEqual(h.readHosts!(prior));
    },
  );

  it.each(['nssv_datacenter', 'nssv_cluster', 'nssv_host_group', 'nssv_scheduling_group'])(
    'GIVEN %s THEN it names no hosts and its read asks none',
    async (type) => {
      const { ctx, asked } = tracking();
      await handlerFor(type).read(ctx, `${type}.x`, { name: 'x' });
      expect([handlerFor(type).readHosts, asked]).toEqual([undefined, []]);
    },
  );

  it.each<[string, Attributes]>([
    ['nssv_storage_pool', { name: 'p', kind: 'dir', host_ids: ['h2', 'h1', 'h3'] }],
    ['nssv_distributed_switch', { name: 'sw', host_ids: ['h2', 'h1', 'h3'] }],
    ['nssv_image', { name: 'img', image_storage_id: 'st', host_ids: ['h2', 'h1', 'h3'] }],
  ])(
    'GIVEN %s %j read with h2 and h3 as recorded THEN only h1 is asked; it is there as recorded on h2 and h3 alone',
    async (type, prior) => {
      const { ctx, asked } = tracking();
      const live = await handlerFor(type).read(ctx, `${type}.x`, prior, new Set(['h2', 'h3']));
      expect([asked, live]).toEqual([['h1'], { ...prior, host_ids: ['h2', 'h3'] }]);
    },
  );

  it('GIVEN host_ids not yet known THEN no hosts: the record is always read', () => {
    expect(handlerFor('nssv_distributed_switch').readHosts!({ name: 'sw' })).toEqual([]);
  });
});
