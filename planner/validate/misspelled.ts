import type { ErrorObject } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { didYouMean } from '../../core/didYouMean.js';
import { schemaAt, segmentsOf } from './paths.js';
import { settableNames } from './schemaErrors.js';

/**
 * A misspelled required argument ("memroy_mib") shows up twice in ajv: an unknown property and a
 * missing one. Keep one diagnostic, the unknown argument with its "did you mean", and put
 * unknown-argument errors first (they often explain the rest).
 */
export function explainedMissingRemoved(
  errors: readonly ErrorObject[],
  schema: JsonSchema,
  root: unknown,
): ErrorObject[] {
  const explained = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const objectSchema = schemaAt(schema, segmentsOf(e.instancePath, root));
    const suggestion = didYouMean(
      String((e.params as { additionalProperty?: unknown }).additionalProperty),
      settableNames(objectSchema),
    );
    if (suggestion) explained.add(`${e.instancePath}\u0000${suggestion}`);
  }
  const kept = errors.filter(
    (e) =>
      e.keyword !== 'required' ||
      !explained.has(
        `${e.instancePath}\u0000${String((e.params as { missingProperty?: unknown }).missingProperty)}`,
      ),
  );
  return [
    ...kept.filter((e) => e.keyword === 'additionalProperties'),
    ...kept.filter((e) => e.keyword !== 'additionalProperties'),
  ];
}
