import type { ConsoleLogInfo } from '../../schemas/generated/agentApi.js';
import type { Agent } from '../agent.js';
import { errors } from '../errors.js';
import type { Route } from './route.js';

/** GET /v1/domains/:domain/console-log -> ConsoleLogInfo (404 when the domain has no log yet). */
export function consoleRoute(agent: Agent): Route {
  return {
    method: 'GET',
    pattern: '/v1/domains/:domain/console-log',
    handle: async ({ params: p }): Promise<ConsoleLogInfo> => {
      const name = p.domain!;
      if (!(await agent.domains.get(name))) {
        throw errors.notFound(`domain ${JSON.stringify(name)} is not managed by nssv on this host`);
      }
      const tail = await agent.consoleLogs.tail(name);
      if (!tail) {
        throw errors.notFound(
          `domain ${JSON.stringify(name)} has no console log yet (it is written from the domain's next start)`,
        );
      }
      return { domain: name, path: agent.consoleLogs.path(name), ...tail };
    },
  };
}
