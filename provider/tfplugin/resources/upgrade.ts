import type { Attributes } from '../../../core/values.js';
import { delayedByDefault } from '../../../planner/state/upgrade.js';
import { applyDefaults, attributeInfos, idAttribute } from '../../../schemas/attributes.js';

/** The schema version the provider records in Terraform's state for every resource type. */
export const SCHEMA_VERSION = 2;

/**
 * Version 0 is the attribute shape of nssv's own state (nssv.tfstate, written by `nssv apply`):
 * attributes left at their default may be absent, `id` may be missing, and attributes this
 * schema no longer has may be present. Version 1 records every attribute. Upgrading 0 → 1 is what
 * moving a resource from `nssv apply` to Terraform needs (see docs/terraform.md, "Migrating").
 */
export function fullShape(type: string, raw: Attributes): Attributes {
  const known = new Set(
    attributeInfos(type)
      .filter((a) => !a.path.includes('[]'))
      .map((a) => a.path),
  );
  const kept: Attributes = {};
  for (const [k, v] of Object.entries(raw)) if (known.has(k)) kept[k] = v;
  const out = applyDefaults(type, kept);
  out.id ??= out[idAttribute(type)] ?? null;
  return out;
}

/**
 * Upgrades an instance's attributes step by step: 0 → 1 the full shape (fullShape); 1 → 2 the
 * seeds' delete_policy default, "delayed" for VMs and images (nssv's own state format 2 does the
 * same, see planner/state/upgrade.ts, so both front doors read an old state alike).
 */
export function upgradeAttributes(type: string, version: number, raw: Attributes): Attributes {
  let out = raw;
  if (version < 1) out = fullShape(type, out);
  if (version < 2) out = delayedByDefault(type, out);
  return out;
}
