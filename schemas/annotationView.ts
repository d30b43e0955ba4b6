import type { JsonSchema } from './jsonSchema.js';

/**
 * The one reading of an attribute's nssv annotations (x-nssv-*) and JSON Schema keywords that
 * mean the same. Every view of a resource's attributes (the evaluator's, the planner's diff and
 * rendering, the docs) is built from this.
 */
export interface AttributeAnnotations {
  /** x-nssv-force-new: changing it replaces the resource. */
  forceNew: boolean;
  /** readOnly: only nssv sets it. */
  readOnly: boolean;
  /** readOnly or x-nssv-computed: unknown until apply (or placement) when the user does not set it. */
  computed: boolean;
  /** x-nssv-sensitive or writeOnly: never shown in plans, logs or events. */
  sensitive: boolean;
  /** x-nssv-block: an HCL nested block (a list of objects in JSON). */
  block: boolean;
  /** x-nssv-reference (on the attribute or on its list items): the id of a resource of this type. */
  reference: string | undefined;
  hasDefault: boolean;
  default: unknown;
  /** x-nssv-not-supported-yet: validate accepts it, plan refuses any value but the default. */
  notSupportedYet: boolean;
  /** The values plan refuses although the schema allows them (x-nssv-not-supported-yet-values). */
  refusedValues: readonly unknown[];
}

export function annotationsOf(p: JsonSchema): AttributeAnnotations {
  return {
    forceNew: p['x-nssv-force-new'] === true,
    readOnly: p.readOnly === true,
    computed: p.readOnly === true || p['x-nssv-computed'] === true,
    sensitive: p['x-nssv-sensitive'] === true || p.writeOnly === true,
    block: p['x-nssv-block'] === true,
    reference: p['x-nssv-reference'] ?? p.items?.['x-nssv-reference'],
    hasDefault: p.default !== undefined,
    default: p.default,
    notSupportedYet: p['x-nssv-not-supported-yet'] === true,
    refusedValues: Array.isArray(p['x-nssv-not-supported-yet-values'])
      ? (p['x-nssv-not-supported-yet-values'] as unknown[])
      : [],
  };
}
