import type { JsonSchema } from '../../schemas/jsonSchema.js';

/**
 * The rule a pattern enforces, in words: x-nssv-pattern-description, else the attribute's description,
 * else (last resort) the regular expression itself.
 */
export function ruleFor(schema: JsonSchema): string {
  const words = schema['x-nssv-pattern-description'];
  if (typeof words === 'string' && words !== '') return sentence(words);
  if (schema.description) return sentence(schema.description);
  return `it must match the regular expression ${schema.pattern ?? ''}.`;
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Name-like repairs to try: lower-case, '_' and spaces to '-', other characters dropped. */
function candidates(value: string): string[] {
  const lower = value.toLowerCase();
  const dashed = lower
    .replace(/[_\s.]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  const out = [lower, dashed];
  for (const max of [63, 15]) if (dashed.length > max) out.push(dashed.slice(0, max).replace(/-+$/, ''));
  return out;
}

/** A corrected value that satisfies the pattern, if a simple repair of the given one does. */
export function exampleFor(value: string, schema: JsonSchema): string | undefined {
  if (!schema.pattern) return undefined;
  let re: RegExp;
  try {
    re = new RegExp(schema.pattern, 'u');
  } catch {
    return undefined;
  }
  const max = schema.maxLength ?? Infinity;
  return candidates(value).find((c) => c !== value && c !== '' && c.length <= max && re.test(c));
}
