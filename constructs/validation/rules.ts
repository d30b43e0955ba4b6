/**
 * The schemas' cross-field rules (schemas/rules) that one resource's own props decide: exactlyOne,
 * atMostOne, requires, forbids, minCount and order of numbers, with conditions on the resource's own
 * attributes. Rules that look at other resources (`via`, maxPerReference, hostLabels) or at IPv4
 * networks (cidr, inCidr, outsideRange) are left to `nssv validate` and `nssv plan`, which see the
 * whole configuration.
 */
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import type { Condition, Rule } from '../../schemas/rules/types.js';
import type { PropNamer } from './schemaMessages.js';
import { show } from './show.js';

/** Stands for a value only known when Terraform runs. */
export const UNKNOWN = Symbol('unknown');

interface Scope {
  /** The block item (for block rules) or the resource. */
  item: Record<string, unknown>;
  itemSchema: JsonSchema;
  resource: Record<string, unknown>;
  schema: JsonSchema;
  /** Path of the item: [] or ["dhcp", 0]. */
  at: (string | number)[];
}

interface Looked {
  value: unknown;
  path: (string | number)[];
  schema: JsonSchema | undefined;
}

function lookup(s: Scope, attribute: string): Looked {
  if (s.at.length && s.itemSchema.properties?.[attribute])
    return {
      value: s.item[attribute],
      path: [...s.at, attribute],
      schema: s.itemSchema.properties[attribute],
    };
  return { value: s.resource[attribute], path: [attribute], schema: s.schema.properties?.[attribute] };
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

function holds(c: Condition, s: Scope): boolean | undefined {
  const v = lookup(s, c.attribute).value;
  if (v === UNKNOWN) return undefined;
  if (c.set !== undefined) return isSet(v) === c.set;
  if (c.equals !== undefined) return v === c.equals;
  if (c.in !== undefined) return c.in.includes(v as string);
  if (c.matches !== undefined) return typeof v === 'string' && new RegExp(c.matches).test(v);
  return isSet(v);
}

function local(rule: Rule): boolean {
  return (
    !(rule.when ?? []).some((c) => c.via !== undefined) &&
    ['exactlyOne', 'atMostOne', 'requires', 'forbids', 'minCount', 'order'].includes(rule.kind)
  );
}

function when(rule: Rule, s: Scope, name: PropNamer): string | undefined {
  const words: string[] = [];
  for (const c of rule.when ?? []) {
    if (holds(c, s) !== true) return undefined;
    const l = lookup(s, c.attribute);
    words.push(c.set !== undefined ? `${name(l.path)} is set` : `${name(l.path)} = ${show(l.value)}`);
  }
  return words.length ? `with ${words.join(' and ')}, ` : '';
}

function check(rule: Rule, s: Scope, name: PropNamer): string[] {
  const cond = when(rule, s, name);
  if (cond === undefined) return [];
  const says = `Rule: ${rule.says} (${rule.code}).`;
  switch (rule.kind) {
    case 'exactlyOne':
    case 'atMostOne': {
      const looked = rule.attributes.map((a) => lookup(s, a));
      if (looked.some((l) => l.value === UNKNOWN)) return [];
      const set = looked.filter((l) => isSet(l.value)).map((l) => name(l.path));
      const all = looked.map((l) => name(l.path)).join(', ');
      if (set.length > 1) return [`${cond}set only one of ${all}; ${set.join(' and ')} are set. ${says}`];
      if (!set.length && rule.kind === 'exactlyOne')
        return [`${cond}set one of ${all}; none is set. ${says}`];
      return [];
    }
    case 'requires': {
      const l = lookup(s, rule.attribute);
      if (l.value === UNKNOWN || isSet(l.value)) return [];
      return [`${cond}${name(l.path)} is required. ${says} Fix: set ${name(l.path)}.`];
    }
    case 'forbids': {
      const l = lookup(s, rule.attribute);
      if (l.value === UNKNOWN || !isSet(l.value)) return [];
      if (JSON.stringify(l.value) === JSON.stringify(l.schema?.default)) return [];
      const given = `${name(l.path)} = ${show(l.value, l.schema?.['x-nssv-sensitive'] === true)}`;
      return [`${cond}${given} is not allowed. ${says} Fix: remove ${name(l.path)}.`];
    }
    case 'minCount': {
      const l = lookup(s, rule.attribute);
      if (!Array.isArray(l.value) || l.value.length >= rule.min) return [];
      return [
        `${cond}${name(l.path)} has ${l.value.length} item(s); at least ${rule.min} are needed. ${says}`,
      ];
    }
    case 'order': {
      const a = lookup(s, rule.first);
      const b = lookup(s, rule.second);
      if (typeof a.value !== 'number' || typeof b.value !== 'number' || a.value <= b.value) return [];
      return [
        `${name(a.path)} = ${a.value} is greater than ${name(b.path)} = ${b.value}. ${says} Fix: swap them.`,
      ];
    }
    default:
      return [];
  }
}

/** Messages for the local rules of a resource type; `attributes` has UNKNOWN for token values. */
export function ruleMessages(
  rules: readonly Rule[],
  schema: JsonSchema,
  attributes: Record<string, unknown>,
  name: PropNamer,
): string[] {
  const out: string[] = [];
  for (const rule of rules.filter(local)) {
    const base: Scope = { item: attributes, itemSchema: schema, resource: attributes, schema, at: [] };
    if (!rule.block) {
      out.push(...check(rule, base, name));
      continue;
    }
    const items = attributes[rule.block];
    const itemSchema = schema.properties?.[rule.block]?.items;
    if (!Array.isArray(items) || !itemSchema) continue;
    items.forEach((item, i) => {
      if (item && typeof item === 'object')
        out.push(
          ...check(
            rule,
            { ...base, item: item as Record<string, unknown>, itemSchema, at: [rule.block!, i] },
            name,
          ),
        );
    });
  }
  return out;
}
