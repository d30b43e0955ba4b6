/**
 * Validates one construct's attributes with its resource type's JSON Schema (ajv) and local rules,
 * returning every problem at once as messages (errors as data: the caller reports them).
 */
import { resourceSchema } from '../../schemas/registry.js';
import { rulesFor } from '../../schemas/rules/registry.js';
import { resourceValidator } from '../../schemas/ajv.js';
import { ruleMessages, UNKNOWN } from './rules.js';
import { schemaMessage, type PropNamer } from './schemaMessages.js';
import { tokenPointers, touchesToken, type IsToken } from './tokens.js';

/** A copy of the value with every token replaced by UNKNOWN (for rules). */
function withUnknowns(value: unknown, isToken: IsToken): unknown {
  if (isToken(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v) => withUnknowns(v, isToken));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUnknowns(v, isToken)]));
  return value;
}

const WHOLE_VALUE = new Set(['uniqueItems', 'minItems', 'maxItems', 'type', 'additionalProperties']);

export interface ValidateOptions {
  /** Names an attribute path for messages (camelCase prop names for L1, the L2's own prop names for L2). */
  name: PropNamer;
  isToken: IsToken;
}

export function validateAttributes(
  type: string,
  attributes: Record<string, unknown>,
  opts: ValidateOptions,
): string[] {
  const schema = resourceSchema(type);
  const validate = resourceValidator(type)!;
  const tokens = tokenPointers(attributes, opts.isToken);
  const out: string[] = [];
  if (!validate(attributes)) {
    for (const error of validate.errors ?? []) {
      if (touchesToken(error.instancePath, tokens, WHOLE_VALUE.has(error.keyword))) continue;
      const m = schemaMessage(error, opts.name);
      if (m !== undefined && !out.includes(m)) out.push(m);
    }
  }
  const known = withUnknowns(attributes, opts.isToken) as Record<string, unknown>;
  out.push(...ruleMessages(rulesFor(type), schema, known, opts.name));
  return out;
}
