/** agentd's version, reported by /v1/health and the inventory. */
export const AGENT_VERSION = '0.1.0';
