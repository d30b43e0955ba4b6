import { applyDefaults, attributeInfos, idAttribute } from '../../../schemas/attributes.js';
import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import type { PlanContext } from '../context.js';

/** Attributes the planner itself computes (never set by users, but diffed). */
export const DERIVED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'host_ids',
  'peer_addresses',
  'guest_network',
  'cloud_init_seed',
]);

/**
 * Planned attributes = configuration + schema defaults + id; computed attributes the user left
 * unset keep their live value (so they never show as a diff) or are unknown until apply.
 */
export function plannedAttributes(ctx: PlanContext): void {
  for (const n of ctx.nodes.values()) {
    if (!n.desired) continue;
    const planned = applyDefaults(n.type, n.desired.attributes);
    const idKey = idAttribute(n.type);
    planned.id = planned[idKey] ?? unknownValue;
    const live = n.live ?? undefined;
    for (const info of attributeInfos(n.type)) {
      if (info.path.includes('[]') || info.path === 'id' || DERIVED_ATTRIBUTES.has(info.path)) continue;
      if (info.source === 'user' || planned[info.path] !== undefined) continue;
      // A live null is a known value (e.g. clone_state of a volume without a source), not unknown.
      const known = live !== undefined && live[info.path] !== undefined;
      planned[info.path] = known ? live[info.path]! : unknownValue;
    }
    for (const info of attributeInfos(n.type)) {
      if (!info.block) continue;
      planned[info.path] = keepComputedInBlocks(n.type, info.path, planned[info.path], live?.[info.path]);
    }
    n.planned = planned;
  }
}

/** nic[].mac and the like: an unset computed field keeps the live value of the same item. */
function keepComputedInBlocks(
  type: string,
  block: string,
  planned: AttrValue | undefined,
  live: AttrValue | undefined,
): AttrValue {
  if (!Array.isArray(planned)) return planned ?? [];
  const fields = attributeInfos(type).filter((a) => a.path.startsWith(`${block}[].`));
  const computed = fields.filter((a) => a.source !== 'user').map((a) => a.path.slice(block.length + 3));
  // Fields changed in place (security_group_ids) do not make it another item: it keeps its MAC and IP.
  const inPlace = fields.filter((a) => !a.forceNew).map((a) => a.path.slice(block.length + 3));
  if (computed.length === 0) return planned;
  const liveItems = Array.isArray(live) ? live : [];
  return planned.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item) || isUnknown(item)) return item;
    const liveItem = liveItems[i] as Attributes | undefined;
    const out: Attributes = { ...(item as Attributes) };
    const sameOtherwise =
      liveItem &&
      Object.entries(out).every(
        ([k, v]) =>
          computed.includes(k) || inPlace.includes(k) || JSON.stringify(v) === JSON.stringify(liveItem[k]),
      );
    for (const key of computed) {
      if (out[key] !== undefined) continue;
      out[key] = sameOtherwise && liveItem[key] !== undefined ? liveItem[key] : unknownValue;
    }
    return out;
  });
}
