import { agentApi } from '../../schemas/generated/agentApiValidators.js';
import { TEST_FAULTS_PATH, type TestFaults } from '../testing/testFaults.js';
import { parseBody } from './requestBody.js';
import type { Route } from './routes.js';

/** The test-only fault switch's routes; served only when agentd runs with NSSV_AGENT_TEST_FAULTS=1. */
export function testFaultRoutes(faults: TestFaults): Route[] {
  return [
    { method: 'GET', pattern: TEST_FAULTS_PATH, handle: async () => faults.info() },
    {
      method: 'PUT',
      pattern: TEST_FAULTS_PATH,
      hasBody: true,
      handle: async ({ body }) => faults.arm(parseBody(agentApi.TestFaultSpec, body)),
    },
  ];
}
