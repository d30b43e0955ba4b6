import type { JsonSchema } from '../../../schemas/jsonSchema.js';
import type { Looked, RuleScope } from '../../../schemas/rules/scope.js';

/** A scope over plain attributes (no defaults): paths are the attribute names; `others` are the resources references reach by value. */
export function plainScope(
  attributes: Record<string, unknown>,
  schema: JsonSchema = {},
  others: Record<string, Record<string, unknown>> = {},
): RuleScope<string> {
  return {
    lookup: (name): Looked<string> => ({
      path: name,
      value: attributes[name],
      raw: attributes[name],
      ...(schema.properties?.[name] ? { schema: schema.properties[name] } : {}),
    }),
    follow: (via) => {
      const id = attributes[via];
      if (typeof id !== 'string' || !others[id]) return undefined;
      return { scope: plainScope(others[id]!), address: `other.${id}` };
    },
  };
}
