/**
 * agentd's configuration file (JSON), passed as `agentd --config FILE`. Its shape is the schema
 * schemas/agent-api/agent-config.schema.json; the types are generated from it.
 */
import type { AgentConfigCeph, AgentConfigTls } from '../schemas/generated/agentApi.js';

export type { AgentConfig } from '../schemas/generated/agentApi.js';
/** How agentd reaches Ceph (the config's `ceph` section). */
export type AgentCephConfig = AgentConfigCeph;
/** agentd's TLS files (the config's `tls` section). */
export type AgentTlsConfig = AgentConfigTls;
