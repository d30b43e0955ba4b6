import type { Diagnostic } from '../../core/diagnostic.js';
import type { Attributes } from '../../core/values.js';
import { validateInstance } from '../../planner/validate/validateInstance.js';
import { unsupportedFeatures } from '../handlers/support.js';
import { desiredInstance } from './resources/plan.js';

/** ValidateResourceConfig: the same schema checks as `nssv validate`, and the same refusals as `nssv plan`. */
export function validateResource(type: string, config: Attributes): Diagnostic[] {
  const d = desiredInstance(type, config);
  const schemaErrors = validateInstance(d);
  return [...schemaErrors, ...unsupportedFeatures([d])];
}
