import { agentApi } from '../../schemas/generated/agentApiValidators.js';
import type { ImageSpec } from '../../schemas/generated/agentApi.js';
import type { Agent } from '../agent.js';
import { errors } from '../errors.js';
import { parseBody } from './requestBody.js';
import type { Route } from './route.js';

type Locked = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/** An image spec: its schema, then what a schema cannot say. */
function imageSpec(body: unknown): ImageSpec {
  const spec = parseBody(agentApi.ImageSpec, body);
  if (spec.source.startsWith('/') && spec.source.split('/').includes('..')) {
    throw errors.invalidRequest(
      `body.source must not contain ".." path segments, got ${JSON.stringify(spec.source)}`,
    );
  }
  if (spec.sha256 === null && !spec.source.startsWith('/')) {
    throw errors.invalidRequest(
      `body.sha256 is required for a download (${spec.source}): an image fetched over the network is verified before use`,
    );
  }
  return spec;
}

/** The image routes (schemas/agent-api/image-*.schema.json), locked per store. */
export function imageRoutes(agent: Agent, locked: Locked): Route[] {
  return [
    {
      method: 'PUT',
      pattern: '/v1/image-stores/:store',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.ImageStoreSpec, body);
        if (spec.kind !== 'rbd')
          return locked(`image-store:${p.store}`, () => agent.images.putStore(p.store!, spec));
        const rbd = agent.rbdImages;
        if (!rbd) {
          throw errors.invalidRequest(
            `image store ${JSON.stringify(p.store)} is of kind rbd, but this host has no Ceph cluster configured (the "ceph" section of agentd's config)`,
          );
        }
        return locked(`image-store:${p.store}`, () => rbd.putStore(p.store!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/image-stores/:store',
      handle: async ({ params: p }) =>
        locked(`image-store:${p.store}`, async () =>
          (await agent.imageStore(p.store!)).deleteStore(p.store!),
        ),
    },
    {
      method: 'PUT',
      pattern: '/v1/image-stores/:store/images/:image',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = imageSpec(body);
        return locked(`image-store:${p.store}`, async () =>
          (await agent.imageStore(p.store!)).put(p.store!, p.image!, spec),
        );
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/image-stores/:store/images/:image',
      handle: async ({ params: p }) =>
        locked(`image-store:${p.store}`, async () =>
          (await agent.imageStore(p.store!)).delete(p.store!, p.image!),
        ),
    },
    {
      method: 'PUT',
      pattern: '/v1/image-stores/:store/images/:image/trash',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.TrashSpec, body);
        return locked(`image-store:${p.store}`, async () =>
          (await agent.imageTrashOf(p.store!)).put(p.store!, p.image!, spec),
        );
      },
    },
  ];
}
