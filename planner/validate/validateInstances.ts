import type { Diagnostic } from '../../core/diagnostic.js';
import type { DesiredInstance } from '../config/types.js';
import { duplicateNameDiagnostics } from './duplicateNames.js';
import { checkRules } from './rules/checkRules.js';
import { validateInstance } from './validateInstance.js';

/**
 * Validate evaluated resource instances against their schemas, without contacting any host.
 * Every problem is reported (not just the first): schema errors in instance order, then cross-field
 * rules (schemas/rules), then names that collide.
 * Unknown values ({"$unknown": true}) are never validated: they satisfy every constraint.
 */
export function validateInstances(instances: readonly DesiredInstance[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const instance of instances) out.push(...validateInstance(instance));
  out.push(...checkRules(instances));
  out.push(...duplicateNameDiagnostics(instances));
  return out;
}
