import { agentApi } from '../../schemas/generated/agentApiValidators.js';
import type { DomainSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { parseBody } from './requestBody.js';

/** A domain spec: its schema, then what a schema cannot say (one volume attached twice). */
export function domainSpec(body: unknown): DomainSpec {
  const spec = parseBody(agentApi.DomainSpec, body);
  const seen = new Map<string, number>();
  spec.disks.forEach((d, i) => {
    const key = `${d.pool}/${d.volume}`;
    if (seen.has(key))
      throw errors.invalidRequest(`body.disks[${i}] repeats volume ${key} of body.disks[${seen.get(key)}]`);
    seen.set(key, i);
  });
  return spec;
}
