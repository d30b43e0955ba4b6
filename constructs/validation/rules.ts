/**
 * The schemas' cross-field rules (schemas/rules) that one resource's own props decide: exactlyOne,
 * atMostOne, requires, forbids, minCount and order, with conditions on the resource's own
 * attributes. The rules are interpreted by schemas/rules/check.ts, as `nssv validate` does; this file
 * only words what it finds. Rules that look at other resources (`via`, maxPerReference, hostLabels)
 * or at IPv4 networks (cidr, inCidr, outsideRange) are left to `nssv validate` and `nssv plan`,
 * which see the whole configuration.
 */
import type { JsonSchema } from '../../schemas/jsonSchema.js';
import { checkRule, type Violation } from '../../schemas/rules/check.js';
import type { MetCondition } from '../../schemas/rules/conditions.js';
import type { Looked, RuleScope } from '../../schemas/rules/scope.js';
import type { Rule } from '../../schemas/rules/types.js';
import type { PropNamer } from './schemaMessages.js';
import { show } from './show.js';

export { UNKNOWN } from '../../schemas/rules/scope.js';

/** Path of an attribute: ["name"] or ["dhcp", 0, "start"]. */
type Path = (string | number)[];

/**
 * One construct's attributes (UNKNOWN for tokens) as a rule sees them: the block item's (for
 * block rules) first, then the resource's. Props carry no defaults: value and raw are the same.
 */
function scope(
  item: Record<string, unknown>,
  itemSchema: JsonSchema,
  resource: Record<string, unknown>,
  schema: JsonSchema,
  at: Path,
): RuleScope<Path> {
  return {
    lookup(attribute: string): Looked<Path> {
      const inItem = at.length > 0 && itemSchema.properties?.[attribute] !== undefined;
      const value = inItem ? item[attribute] : resource[attribute];
      return {
        value,
        raw: value,
        path: inItem ? [...at, attribute] : [attribute],
        schema: inItem ? itemSchema.properties![attribute] : schema.properties?.[attribute],
      };
    },
    follow: () => undefined,
  };
}

function local(rule: Rule): boolean {
  return (
    !(rule.when ?? []).some((c) => c.via !== undefined) &&
    ['exactlyOne', 'atMostOne', 'requires', 'forbids', 'minCount', 'order'].includes(rule.kind)
  );
}

function when(met: readonly MetCondition<Path>[], name: PropNamer): string {
  const words = met.map(({ condition: c, looked: l }) =>
    c.set !== undefined
      ? `${name(l.path)} is ${c.set ? '' : 'not '}set`
      : `${name(l.path)} = ${show(l.value)}`,
  );
  return words.length ? `with ${words.join(' and ')}, ` : '';
}

function message(v: Violation<Path>, cond: string, says: string, name: PropNamer): string | undefined {
  switch (v.kind) {
    case 'tooMany':
    case 'noneSet': {
      const all = v.looked.map((l) => name(l.path)).join(', ');
      if (v.kind === 'noneSet') return `${cond}set one of ${all}; none is set. ${says}`;
      return `${cond}set only one of ${all}; ${v.set.map((l) => name(l.path)).join(' and ')} are set. ${says}`;
    }
    case 'required':
      return `${cond}${name(v.attribute.path)} is required. ${says} Fix: set ${name(v.attribute.path)}.`;
    case 'forbidden': {
      const l = v.attribute;
      const given = `${name(l.path)} = ${show(l.value, l.schema?.['x-nssv-sensitive'] === true)}`;
      return `${cond}${given} is not allowed. ${says} Fix: remove ${name(l.path)}.`;
    }
    case 'tooFew':
      return `${cond}${name(v.attribute.path)} has ${v.count} item(s); at least ${v.min} are needed. ${says}`;
    case 'outOfOrder': {
      const [a, b] = [v.first, v.second];
      return `${name(a.path)} = ${show(a.value)} is greater than ${name(b.path)} = ${show(b.value)}. ${says} Fix: swap them.`;
    }
    default:
      return undefined;
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
  const check = (rule: Rule, s: RuleScope<Path>): void => {
    const found = checkRule(rule, s);
    const m =
      found && message(found.violation, when(found.met, name), `Rule: ${rule.says} (${rule.code}).`, name);
    if (m !== undefined) out.push(m);
  };
  for (const rule of rules.filter(local)) {
    if (!rule.block) {
      check(rule, scope(attributes, schema, attributes, schema, []));
      continue;
    }
    const items = attributes[rule.block];
    const itemSchema = schema.properties?.[rule.block]?.items;
    if (!Array.isArray(items) || !itemSchema) continue;
    items.forEach((item, i) => {
      if (item && typeof item === 'object')
        check(rule, scope(item as Record<string, unknown>, itemSchema, attributes, schema, [rule.block!, i]));
    });
  }
  return out;
}
