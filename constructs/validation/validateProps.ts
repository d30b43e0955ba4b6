/**
 * Validates one construct's attributes with its resource type's JSON Schema (ajv) and local rules,
 * returning every problem at once as messages (errors as data: the caller reports them).
 */
import { resourceSchema } from '../../schemas/registry.js';
import { rulesFor } from '../../schemas/rules/registry.js';
import { resourceValidator } from '../../schemas/ajv.js';
import { ruleMessages, UNKNOWN } from './rules.js';
import { schemaMessage, type PropNamer } from './schemaMessages.js';
import { touchesToken, type IsToken } from './tokens.js';

/**
 * A copy of the value with every token replaced by UNKNOWN (for rules), collecting the tokens'
 * JSON pointers on the way (one walk for both: this runs once per construct at synth).
 */
function withUnknowns(value: unknown, isToken: IsToken, tokens: string[], at = ''): unknown {
  if (isToken(value)) {
    tokens.push(at);
    return UNKNOWN;
  }
  if (Array.isArray(value)) return value.map((v, i) => withUnknowns(v, isToken, tokens, `${at}/${i}`));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      out[k] = withUnknowns((value as Record<string, unknown>)[k], isToken, tokens, `${at}/${k}`);
    }
    return out;
  }
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
  const tokens: string[] = [];
  const known = withUnknowns(attributes, opts.isToken, tokens) as Record<string, unknown>;
  const out: string[] = [];
  if (!validate(attributes)) {
    for (const error of validate.errors ?? []) {
      if (touchesToken(error.instancePath, tokens, WHOLE_VALUE.has(error.keyword))) continue;
      const m = schemaMessage(error, opts.name);
      if (m !== undefined && !out.includes(m)) out.push(m);
    }
  }
  out.push(...ruleMessages(rulesFor(type), schema, known, opts.name));
  return out;
}
