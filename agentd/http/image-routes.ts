import type { Agent } from '../agent.js';
import type { Route } from './routes.js';
import * as validate from './validate-images.js';

type Locked = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/** The routes of agentd/api/images.ts: image stores and images, locked per store. */
export function imageRoutes(agent: Agent, locked: Locked): Route[] {
  return [
    {
      method: 'PUT',
      pattern: '/v1/image-stores/:store',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = validate.imageStoreSpec(body);
        return locked(`image-store:${p.store}`, () => agent.images.putStore(p.store!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/image-stores/:store',
      handle: async ({ params: p }) =>
        locked(`image-store:${p.store}`, () => agent.images.deleteStore(p.store!)),
    },
    {
      method: 'PUT',
      pattern: '/v1/image-stores/:store/images/:image',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = validate.imageSpec(body);
        return locked(`image-store:${p.store}`, () => agent.images.put(p.store!, p.image!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/image-stores/:store/images/:image',
      handle: async ({ params: p }) =>
        locked(`image-store:${p.store}`, () => agent.images.delete(p.store!, p.image!)),
    },
  ];
}
