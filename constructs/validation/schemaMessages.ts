/**
 * ajv errors on a construct's attributes → one message each, in the constructs' words: the prop
 * (camelCase, as the user wrote it), the value given, what is allowed, and the fix. The construct
 * path is added by whoever reports the message (cdktf prefixes "[stack/vm]").
 */
import type { ErrorObject } from 'ajv';
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { list, show } from './show.js';
import { unitOf } from './units.js';

/** Names an attribute path (snake_case segments and indexes) the way the construct's user wrote it. */
export type PropNamer = (path: readonly (string | number)[]) => string;

function segments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function bounds(min: number | undefined, max: number | undefined, unit: string | undefined): string {
  const u = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return `${min}–${max}${u}`;
  if (min !== undefined) return `at least ${min}${u}`;
  return `at most ${max}${u}`;
}

const KIND: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  return KIND[typeof v] ?? typeof v;
}

/** One message for one ajv error, or undefined when another error already says it. */
export function schemaMessage(error: ErrorObject, name: PropNamer): string | undefined {
  const path = segments(error.instancePath);
  const schema = error.parentSchema as JsonSchema | undefined;
  const sensitive = schema?.['x-nssv-sensitive'] === true;
  const prop = name(path);
  const given = `${prop} = ${show(error.data, sensitive)}`;
  const last = [...path].reverse().find((s) => typeof s === 'string') as string | undefined;
  switch (error.keyword) {
    case 'minimum':
    case 'maximum': {
      const limit = (error.params as { limit: number }).limit;
      const unit = unitOf(last ?? '', schema);
      const allowed = bounds(schema?.minimum, schema?.maximum, unit);
      const [phrase, fix] =
        error.keyword === 'minimum'
          ? [`is below the minimum ${limit}`, `at least ${limit}`]
          : [`is above the maximum ${limit}`, `at most ${limit}`];
      return `${given} ${phrase}. Allowed: ${allowed}. Fix: set ${prop} to ${fix}.`;
    }
    case 'enum': {
      const allowed = (schema?.enum ?? []).filter((v) => v !== null);
      return `${given} is not an allowed value. Allowed: ${list(allowed)}. Fix: set ${prop} to one of them.`;
    }
    case 'pattern': {
      const rule = schema?.['x-nssv-pattern-description'];
      const why = typeof rule === 'string' ? rule : `match ${(error.params as { pattern: string }).pattern}`;
      return `${given} is not valid. Rule: ${why}. Fix: change ${prop} to follow the rule.`;
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type)
        .split(',')
        .filter((t) => t !== 'null')
        .map((t) => KIND[t] ?? t)
        .join(' or ');
      return `${given} is ${kindOf(error.data)}, but it must be ${expected}. Fix: set ${prop} to ${expected}.`;
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const p = name([...path, missing]);
      return `${p} is required${path.length ? ` in ${prop}` : ''}. Fix: set ${p}.`;
    }
    case 'minLength':
    case 'maxLength': {
      const limit = (error.params as { limit: number }).limit;
      const short = error.keyword === 'minLength';
      return `${given} is too ${short ? 'short' : 'long'}. Allowed: ${short ? 'at least' : 'at most'} ${limit} characters. Fix: ${short ? 'lengthen' : 'shorten'} ${prop}.`;
    }
    case 'minItems':
    case 'maxItems': {
      const limit = (error.params as { limit: number }).limit;
      const n = Array.isArray(error.data) ? error.data.length : 0;
      const few = error.keyword === 'minItems';
      return `${prop} has ${n} item${n === 1 ? '' : 's'}. Allowed: ${few ? 'at least' : 'at most'} ${limit}. Fix: ${few ? 'add' : 'remove'} items.`;
    }
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      return `${prop} has the same value twice (items ${j} and ${i}). Fix: remove the duplicate.`;
    }
    case 'format':
      return `${given} is not a valid ${(error.params as { format: string }).format} value. Fix: set ${prop} to a valid one.`;
    case 'additionalProperties':
      // Unknown props are caught before ajv (see validateProps), by their camelCase name.
      return undefined;
    default:
      return `${given} is not valid: ${error.message ?? error.keyword}. Fix: change ${prop}.`;
  }
}
