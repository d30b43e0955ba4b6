import { agentApi } from '../../schemas/generated/agentApiValidators.js';
import type { Agent } from '../agent.js';
import { parseBody } from './requestBody.js';
import type { Route } from './route.js';

type Locked = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/**
 * Adoption (schemas/agent-api/adopt-spec.schema.json): nssv's record is written onto an object
 * made outside nssv, under the same lock as that object's PUT; the object itself is not changed.
 */
export function adoptRoutes(agent: Agent, locked: Locked): Route[] {
  return [
    {
      method: 'PUT',
      pattern: '/v1/domains/:domain/adopt',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const { address } = parseBody(agentApi.AdoptSpec, body);
        return locked(`domain:${p.domain}`, () => agent.domains.adopt(p.domain!, address));
      },
    },
    {
      method: 'PUT',
      pattern: '/v1/pools/:pool/volumes/:volume/adopt',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const { address } = parseBody(agentApi.AdoptSpec, body);
        return locked(`pool:${p.pool}`, () => agent.volumeAdoption.adopt(p.pool!, p.volume!, address));
      },
    },
    {
      method: 'PUT',
      pattern: '/v1/switches/:switch/adopt',
      hasBody: true,
      handle: async ({ params: p, body }) => {
        const { address } = parseBody(agentApi.AdoptSpec, body);
        return locked(`switch:${p.switch}`, () => agent.switches.adopt(p.switch!, address));
      },
    },
  ];
}
