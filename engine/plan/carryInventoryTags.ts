import { jsonEqual } from '../../core/jsonEqual.js';
import type { State, StateResource } from '../../planner/state/types.js';
import { recordHosts } from '../../provider/recordHosts.js';
import type { TaggedHost } from '../../provider/hostReads.js';
import {
  forgetInventoryTags,
  inventoryTagsKey,
  sameTags,
  writeInventoryTags,
  type InventoryTags,
} from './inventoryTags.js';

/**
 * The hosts some record of which differs between two states: a record added, removed or changed
 * counts for every host its reads ask (recordHosts), before and after.
 */
export function hostsWithChangedRecords(before: State, after: State): Set<string> {
  const changed = new Set<string>();
  const mark = (r: StateResource): void => {
    for (const h of recordHosts(r)) changed.add(h);
  };
  const earlier = new Map(before.resources.map((r) => [r.address, r]));
  for (const r of after.resources) {
    const b = earlier.get(r.address);
    earlier.delete(r.address);
    if (b === r) continue;
    if (b && b.type === r.type && jsonEqual(b.attributes, r.attributes)) continue;
    if (b) mark(b);
    mark(r);
  }
  for (const b of earlier.values()) mark(b);
  return changed;
}

/**
 * After an apply (or anything that writes the state): the inventory tags kept for the state it
 * started from (`from`, read under that state's key) that still hold for the state it stored
 * (`after`, whose tag is `afterTag`), written under the new key; the file is removed when none
 * hold. A tag holds for a host none of whose records changed (hostsWithChangedRecords): what its
 * inventory reads back, and its facts, depend only on that inventory and those records, and
 * anything done on the host since changed its inventory's tag. Nor can a stale copy of a VM have
 * appeared there under the same tag: a VM that changed hosts changed records on both, and a new
 * VM has a new UUID. `touched` are hosts to leave out besides (stale copies removed from them).
 */
export async function carryInventoryTags(
  configDir: string,
  from: InventoryTags | undefined,
  before: State,
  after: State,
  afterTag: string | undefined,
  touched: Iterable<string> = [],
): Promise<void> {
  if (!from || from.hosts.size === 0 || afterTag === undefined) {
    await forgetInventoryTags(configDir);
    return;
  }
  const changed = hostsWithChangedRecords(before, after);
  for (const h of touched) changed.add(h);
  const keep = new Map<string, TaggedHost>([...from.hosts].filter(([host]) => !changed.has(host)));
  const key = inventoryTagsKey(afterTag);
  if (keep.size === 0) await forgetInventoryTags(configDir);
  else if (key !== from.key || !sameTags(keep, from.hosts))
    await writeInventoryTags(configDir, { key, hosts: keep });
}
