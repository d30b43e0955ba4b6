import { agentApi } from '../../schemas/generated/agentApiValidators.js';
import type { SecurityGroupSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { parseBody } from './requestBody.js';

/** A security group spec: its schema, then what a schema cannot say (a port range backwards). */
export function securityGroupSpec(body: unknown): SecurityGroupSpec {
  const spec = parseBody(agentApi.SecurityGroupSpec, body);
  spec.rules.forEach((r, i) => {
    if (r.portFrom !== null && r.portTo !== null && r.portTo < r.portFrom)
      throw errors.invalidRequest(
        `body.rules[${i}].portTo (${r.portTo}) must not be below portFrom (${r.portFrom}); allowed: a port from ${r.portFrom} to 65535, or null`,
      );
  });
  return spec;
}
