import { applyDefaults, attributeInfos, idAttribute } from '../../../schemas/attributes.js';
import { jsonEqual } from '../../../core/jsonEqual.js';
import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import type { PlanContext } from '../context.js';

/** Attributes the planner itself computes (never set by users, but diffed). */
export const DERIVED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'host_ids',
  'peer_addresses',
  'volume_pool_id',
  'volume_host_id',
  'guest_network',
  'cloud_init_seed',
]);

/** What plannedAttributes needs of a type's attributes, computed once per type (not per instance). */
interface TypeFacts {
  /** The attribute the id equals. */
  idKey: string;
  /** Top-level attributes nssv may compute (unset: the live value, else unknown). */
  computed: string[];
  blocks: BlockFacts[];
}

interface BlockFacts {
  block: string;
  /** Fields of an item nssv computes. */
  computed: string[];
  /** Fields that do not make an item another one: computed, or changed in place (security_group_ids keeps the NIC's MAC and IP). */
  loose: Set<string>;
}

const typeFacts = new Map<string, TypeFacts>();

function factsOf(type: string): TypeFacts {
  let facts = typeFacts.get(type);
  if (facts) return facts;
  const infos = attributeInfos(type);
  facts = {
    idKey: idAttribute(type),
    computed: infos
      .filter(
        (info) =>
          !info.path.includes('[]') &&
          info.path !== 'id' &&
          !DERIVED_ATTRIBUTES.has(info.path) &&
          info.source !== 'user',
      )
      .map((info) => info.path),
    blocks: infos
      .filter((info) => info.block)
      .map((info) => {
        const fields = infos.filter((a) => a.path.startsWith(`${info.path}[].`));
        const field = (a: { path: string }): string => a.path.slice(info.path.length + 3);
        return {
          block: info.path,
          computed: fields.filter((a) => a.source !== 'user').map(field),
          loose: new Set(fields.filter((a) => a.source !== 'user' || !a.forceNew).map(field)),
        };
      }),
  };
  typeFacts.set(type, facts);
  return facts;
}

/**
 * Planned attributes = configuration + schema defaults + id; computed attributes the user left
 * unset keep their live value (so they never show as a diff) or are unknown until apply.
 */
export function plannedAttributes(ctx: PlanContext): void {
  for (const n of ctx.nodes.values()) {
    if (!n.desired) continue;
    const planned = applyDefaults(n.type, n.desired.attributes);
    const facts = factsOf(n.type);
    planned.id = planned[facts.idKey] ?? unknownValue;
    const live = n.live ?? undefined;
    for (const path of facts.computed) {
      if (planned[path] !== undefined) continue;
      // A live null is a known value (e.g. clone_state of a volume without a source), not unknown.
      const known = live !== undefined && live[path] !== undefined;
      planned[path] = known ? live[path]! : unknownValue;
    }
    for (const block of facts.blocks) {
      const given = n.desired.attributes[block.block];
      planned[block.block] = keepComputedInBlocks(block, planned[block.block], live?.[block.block], given);
    }
    n.planned = planned;
  }
}

/**
 * nic[].mac and the like: an unset computed field keeps the live value of the same item.
 * applyDefaults gives the block's items as copies: those are filled in place; an item that is
 * still the configuration's own (`given`) is copied first.
 */
function keepComputedInBlocks(
  facts: BlockFacts,
  planned: AttrValue | undefined,
  live: AttrValue | undefined,
  given: AttrValue | undefined,
): AttrValue {
  if (!Array.isArray(planned)) return planned ?? [];
  const { computed, loose } = facts;
  if (computed.length === 0) return planned;
  const liveItems = Array.isArray(live) ? live : [];
  const givenItems = Array.isArray(given) ? given : [];
  const items = planned === given ? planned.slice() : planned;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item || typeof item !== 'object' || Array.isArray(item) || isUnknown(item)) continue;
    const liveItem = liveItems[i] as Attributes | undefined;
    const out: Attributes = item === givenItems[i] ? { ...(item as Attributes) } : (item as Attributes);
    let sameOtherwise = Boolean(liveItem);
    if (liveItem) {
      for (const k in out) {
        if (!loose.has(k) && !jsonEqual(out[k], liveItem[k])) {
          sameOtherwise = false;
          break;
        }
      }
    }
    for (const key of computed) {
      if (out[key] !== undefined) continue;
      out[key] = sameOtherwise && liveItem![key] !== undefined ? liveItem![key] : unknownValue;
    }
    items[i] = out;
  }
  return items;
}
