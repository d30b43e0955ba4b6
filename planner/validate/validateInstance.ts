import type { Diagnostic } from '../../core/diagnostic.js';
import type { DesiredInstance } from '../config/types.js';
import { findResourceSchema, resourceTypes } from '../../schemas/registry.js';
import { validatorFor } from './ajv.js';
import { didYouMean } from '../../core/didYouMean.js';
import { unknownResourceType } from './errors.js';
import { readOnlyDiagnostics } from './readOnly.js';
import { schemaErrorToDiagnostic } from './schemaErrors.js';
import { containsUnknown, isUnderUnknown, unknownPointers } from './unknowns.js';
import { explainedMissingRemoved } from './misspelled.js';

/** Schema checks of one instance on its own: type known, ajv constraints, read-only attributes. */
export function validateInstance(instance: DesiredInstance): Diagnostic[] {
  const schema = findResourceSchema(instance.type);
  const validate = validatorFor(instance.type);
  if (!schema || !validate) {
    return [
      unknownResourceType({
        address: instance.address,
        type: instance.type,
        suggestion: didYouMean(instance.type, resourceTypes()),
        range: instance.range,
      }),
    ];
  }
  const out: Diagnostic[] = [];
  if (!validate(instance.attributes)) {
    // An unknown value ({"$unknown": true}) satisfies every constraint: drop errors about it,
    // inside it, or (for uniqueItems) about a list that holds one.
    const unknowns = unknownPointers(instance.attributes);
    const seen = new Set<string>();
    const errors = explainedMissingRemoved(validate.errors ?? [], schema, instance.attributes);
    for (const error of errors) {
      if (isUnderUnknown(error.instancePath, unknowns)) continue;
      if (error.keyword === 'uniqueItems' && containsUnknown(error.instancePath, unknowns)) continue;
      const d = schemaErrorToDiagnostic(error, { instance, schema });
      const key = `${d.code}\u0000${d.attribute ?? ''}\u0000${d.summary}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  out.push(...readOnlyDiagnostics(instance, schema));
  return out;
}
