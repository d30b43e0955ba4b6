import type { Diagnostic } from '../../../core/diagnostic.js';
import type { DesiredInstance } from '../../config/types.js';
import { findResourceSchema } from '../../../schemas/registry.js';
import { rulesFor } from '../../../schemas/rules/registry.js';
import { isUnknown, type Attributes } from '../../../core/values.js';
import { checkRule } from './checkRule.js';
import { InstanceIndex, ruleScope, type Scope } from './context.js';

/** "nic[0]": the same few strings for every instance, spelled once. */
const itemPaths = new Map<string, string[]>();
function itemPath(block: string, i: number): string {
  let paths = itemPaths.get(block);
  if (!paths) itemPaths.set(block, (paths = []));
  return (paths[i] ??= `${block}[${i}]`);
}

/** The scopes a rule applies in: the resource, or each item of its nested block. */
function scopes(base: Scope, block: string | undefined): Scope[] {
  if (!block) return [base];
  const raw = base.instance.attributes[block];
  const itemSchema = base.schema.properties?.[block]?.items;
  if (!Array.isArray(raw) || !itemSchema) return [];
  const out: Scope[] = [];
  for (let i = 0; i < raw.length; i++) {
    const item: unknown = raw[i];
    if (item && typeof item === 'object' && !Array.isArray(item) && !isUnknown(item))
      out.push({
        instance: base.instance,
        schema: base.schema,
        index: base.index,
        itemPath: itemPath(block, i),
        item: { schema: itemSchema, raw: item as Attributes },
      });
  }
  return out;
}

/**
 * Cross-field and cross-resource rules (schemas/rules) over all instances, every violation reported.
 * Instances with schema errors are still checked: rules skip values they cannot interpret.
 */
export function checkRules(instances: readonly DesiredInstance[]): Diagnostic[] {
  const index = new InstanceIndex(instances);
  const out: Diagnostic[] = [];
  for (const instance of instances) {
    const schema = findResourceSchema(instance.type);
    if (!schema) continue;
    const rules = rulesFor(instance.type);
    if (rules.length === 0) continue;
    const base: Scope = { instance, schema, index, itemPath: '' };
    // the resource's own view serves each of its rules (one for all, not one per rule)
    const baseView = ruleScope(base);
    for (const rule of rules) {
      if (!rule.block) {
        for (const d of checkRule(rule, base, baseView)) out.push(d);
        continue;
      }
      for (const scope of scopes(base, rule.block)) for (const d of checkRule(rule, scope)) out.push(d);
    }
  }
  return out;
}
