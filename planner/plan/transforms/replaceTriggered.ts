import { isUnknown, type Attributes, type AttrValue } from '../../../core/values.js';
import { resourceOf } from '../addresses.js';
import type { PlanContext } from '../context.js';
import type { ResourceChange } from '../../resourceChange.js';
import { forReplacement } from './diff.js';

/** Splits `nssv_volume.data[0].size_gib` into the changes it names and the attribute path after them. */
function resolve(
  ref: string,
  changes: ReadonlyMap<string, ResourceChange>,
  byResource: ReadonlyMap<string, ResourceChange[]>,
) {
  const parts = ref.split('.');
  for (let i = parts.length; i >= 2; i--) {
    const head = parts.slice(0, i).join('.');
    const attr = parts.slice(i);
    const one = changes.get(head);
    if (one) return { targets: [one], attr };
    const many = byResource.get(head);
    if (many) return { targets: many, attr };
  }
  return { targets: [], attr: [] as string[] };
}

function at(a: Attributes | null, path: readonly string[]): AttrValue | undefined {
  let v: AttrValue | undefined = a ?? undefined;
  for (const key of path) {
    if (v === null || v === undefined || typeof v !== 'object' || isUnknown(v)) return undefined;
    v = Array.isArray(v) ? v[Number(key)] : (v as Attributes)[key];
  }
  return v;
}

function triggers(c: ResourceChange, attr: readonly string[]): boolean {
  if (c.action === 'noop' || c.action === 'create' || c.action === 'delete') return false;
  if (attr.length === 0) return true;
  const after = at(c.after, attr);
  return isUnknown(after) || JSON.stringify(at(c.before, attr) ?? null) !== JSON.stringify(after ?? null);
}

/**
 * lifecycle.replace_triggered_by: an existing instance is replaced when a resource it names is
 * updated or replaced (or, for `resource.attr`, when that attribute changes). Replacements can
 * trigger further ones, so this runs to a fixpoint.
 */
export function replaceTriggered(ctx: PlanContext): void {
  // Most plans have no trigger at all: no index of the changes to build.
  let any = false;
  for (const n of ctx.nodes.values()) if (n.desired?.lifecycle.replaceTriggeredBy.length) any = true;
  if (!any) return;
  const changes = new Map(ctx.changes.map((c) => [c.address, c]));
  const byResource = new Map<string, ResourceChange[]>();
  for (const c of ctx.changes) {
    const list = byResource.get(resourceOf(c.address)) ?? [];
    list.push(c);
    byResource.set(resourceOf(c.address), list);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const c of ctx.changes) {
      if (c.action !== 'noop' && c.action !== 'update') continue;
      const n = ctx.nodes.get(c.address)!;
      for (const ref of n.desired?.lifecycle.replaceTriggeredBy ?? []) {
        const { targets, attr } = resolve(ref, changes, byResource);
        if (!targets.some((t) => t !== c && triggers(t, attr))) continue;
        c.action = 'replace';
        c.after = forReplacement(c.type, c.after!);
        n.planned = c.after;
        c.reason = `replace_triggered_by ${ref}`;
        changed = true;
        break;
      }
    }
  }
}
