import type { DomainSpec } from '../../schemas/generated/agentApi.js';

/** What a VM asks of a host: the sizes its domain spec will carry. */
export type VmDemand = Pick<DomainSpec, 'memoryMiB' | 'vcpus'>;
