import type { Agent } from '../agent.js';
import type { HealthInfo } from '../../schemas/generated/agentApi.js';
import { agentApi } from '../../schemas/generated/agentApiValidators.js';
import { assertName, type NameKind } from '../names.js';
import { AGENT_VERSION } from '../version.js';
import { consoleRoute } from './console-route.js';
import { domainSpec } from './domainRequest.js';
import { imageRoutes } from './image-routes.js';
import { parseBody } from './requestBody.js';

export type { Method, Route, RouteRequest } from './route.js';
import type { Route } from './route.js';

/** Path parameters and how they are validated (kind) and named in messages (label). */
export const PARAMS: Record<string, { kind: NameKind; label: string }> = {
  pool: { kind: 'pool', label: 'pool' },
  volume: { kind: 'volume', label: 'volume' },
  switch: { kind: 'switch', label: 'switch' },
  pg: { kind: 'portGroup', label: 'port group' },
  domain: { kind: 'domain', label: 'domain' },
  store: { kind: 'volume', label: 'image store' },
  image: { kind: 'volume', label: 'image' },
};

export function validateParam(param: string, value: string): string {
  const spec = PARAMS[param];
  if (!spec) throw new Error(`route parameter :${param} has no validation rule`);
  return assertName(spec.kind, value, spec.label);
}

/** Every route of the agent API (schemas/agent-api/README.md), with per-object locks around mutations. */
export function buildRoutes(agent: Agent): Route[] {
  const locked = <T>(key: string, work: () => Promise<T>): Promise<T> => agent.locks.run(key, work);
  return [
    {
      method: 'GET',
      pattern: '/v1/health',
      handle: async (): Promise<HealthInfo> => ({
        host: agent.deps.config.hostName,
        agentVersion: AGENT_VERSION,
      }),
    },
    { method: 'GET', pattern: '/v1/inventory', handle: async () => agent.inventory() },
    {
      method: 'GET',
      pattern: '/metrics',
      text: true,
      handle: async () => {
        await agent.inventory().catch(() => undefined);
        return agent.deps.metrics.render();
      },
    },
    {
      method: 'PUT',
      pattern: '/v1/pools/:pool',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.PoolSpec, body);
        return locked(`pool:${p.pool}`, () => agent.pools.put(p.pool!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/pools/:pool',
      handle: async ({ params: p }) => locked(`pool:${p.pool}`, () => agent.pools.delete(p.pool!)),
    },
    {
      method: 'PUT',
      pattern: '/v1/pools/:pool/volumes/:volume',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.VolumeSpec, body);
        return locked(`pool:${p.pool}`, () => agent.volumes.put(p.pool!, p.volume!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/pools/:pool/volumes/:volume',
      handle: async ({ params: p }) =>
        locked(`pool:${p.pool}`, () => agent.volumes.delete(p.pool!, p.volume!)),
    },
    {
      method: 'PUT',
      pattern: '/v1/switches/:switch',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.SwitchSpec, body);
        return locked(`switch:${p.switch}`, () => agent.switches.putSwitch(p.switch!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/switches/:switch',
      handle: async ({ params: p }) =>
        locked(`switch:${p.switch}`, () => agent.switches.deleteSwitch(p.switch!)),
    },
    {
      method: 'PUT',
      pattern: '/v1/switches/:switch/port-groups/:pg',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = parseBody(agentApi.PortGroupSpec, body);
        return locked(`switch:${p.switch}`, () => agent.switches.putPortGroup(p.switch!, p.pg!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/switches/:switch/port-groups/:pg',
      handle: async ({ params: p }) =>
        locked(`switch:${p.switch}`, () => agent.switches.deletePortGroup(p.switch!, p.pg!)),
    },
    {
      method: 'PUT',
      pattern: '/v1/domains/:domain',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const spec = domainSpec(body);
        return locked(`domain:${p.domain}`, () => agent.domains.put(p.domain!, spec));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/domains/:domain',
      handle: async ({ params: p }) => locked(`domain:${p.domain}`, () => agent.domains.delete(p.domain!)),
    },
    ...imageRoutes(agent, locked),
    consoleRoute(agent),
  ];
}
