/** The rbd pool messages of the agent API (schemas/agent-api/rbd-pool-*.schema.json). */
export type { RbdPoolInfo, RbdPoolSpec } from '../../schemas/generated/agentApi.js';
