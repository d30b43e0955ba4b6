import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TaggedHost, TaggedRead } from '../../provider/hostReads.js';

/**
 * The tags of the hosts' last inventories, kept beside the configuration so that the next plan
 * can ask each agent "has your inventory changed?" (If-None-Match) instead of reading it again.
 * Each entry says: under this state, exactly as stored, this host's inventory had this tag and
 * every instance the state records on it read back as recorded, with no stale copy of a VM on
 * it. A host that still answers with the same tag (304) then has its instances taken as
 * recorded: reading them again would give the same answer. Any change on the host changes its
 * tag; any change to the state, or to the nssv that reads, changes the key, and the whole file
 * is ignored (an apply first carries over the entries that still hold: carryInventoryTags.ts).
 * Not a secret: tags are digests, facts are CPU, memory and PCI devices.
 */
export const INVENTORY_TAGS_PATH = join('.nssv', 'inventory-tags.json');

/** The file's format; a file of another format is ignored. */
const FORMAT = 1;

export interface InventoryTags {
  /** See inventoryTagsKey. */
  key: string;
  hosts: ReadonlyMap<string, TaggedHost>;
}

let reader: string | undefined;

/** The nssv that reads: the file of the code that reads (the bundle; an install or a rebuild changes it). */
function readerTag(): string {
  if (reader !== undefined) return reader;
  try {
    const s = statSync(fileURLToPath(import.meta.url), { bigint: true });
    reader = `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    reader = 'unknown'; // not expected: a module always has its file
  }
  return reader;
}

/** What the tags are valid for: this file's format, the nssv that reads, the state as stored. */
export function inventoryTagsKey(stateTag: string): string {
  return `${FORMAT}|${readerTag()}|${stateTag}`;
}

/** The tags kept for this key, or undefined (no file, another key, anything unreadable). */
export function readInventoryTags(configDir: string, key: string): InventoryTags | undefined {
  let o: unknown;
  try {
    o = JSON.parse(readFileSync(join(configDir, INVENTORY_TAGS_PATH), 'utf8'));
  } catch {
    return undefined;
  }
  const file = o as { key?: unknown; hosts?: unknown };
  if (file.key !== key || typeof file.hosts !== 'object' || file.hosts === null) return undefined;
  const hosts = new Map<string, TaggedHost>();
  for (const [host, entry] of Object.entries(file.hosts as Record<string, unknown>)) {
    if (isTaggedHost(entry)) hosts.set(host, entry);
  }
  return { key, hosts };
}

function isTaggedHost(v: unknown): v is TaggedHost {
  const e = v as Partial<TaggedHost> | null;
  const f = e?.facts;
  return (
    typeof e?.etag === 'string' &&
    typeof f === 'object' &&
    f !== null &&
    typeof f.name === 'string' &&
    typeof f.cpus === 'number' &&
    typeof f.memoryMiB === 'number' &&
    (f.pciDevices === undefined || Array.isArray(f.pciDevices))
  );
}

/**
 * The hosts whose tags hold for the state the refresh read: every instance on them read back as
 * recorded, and no stale copy of a VM there — either searched for now and not found (`searched`,
 * less those `withStaleCopies`), or the host answered 304 to a tag that already said so.
 */
export function tagsToKeep(
  tagged: ReadonlyMap<string, TaggedRead>,
  searched: ReadonlySet<string>,
  withStaleCopies: ReadonlySet<string>,
): Map<string, TaggedHost> {
  const keep = new Map<string, TaggedHost>();
  for (const [host, t] of [...tagged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (t.differs || !t.facts) continue;
    if (!t.unchanged && (!searched.has(host) || withStaleCopies.has(host))) continue;
    keep.set(host, { etag: t.etag, facts: t.facts });
  }
  return keep;
}

/** Whether two sets of tags say the same (nothing to write). */
export function sameTags(a: ReadonlyMap<string, TaggedHost>, b: ReadonlyMap<string, TaggedHost>): boolean {
  if (a.size !== b.size) return false;
  for (const [host, t] of a) if (b.get(host)?.etag !== t.etag) return false;
  return true;
}

/**
 * Writes the tags (a temporary file renamed over the old one, mode 0600). A failure is not the
 * plan's: the next plan reads every host whole, as without the file.
 */
export async function writeInventoryTags(configDir: string, tags: InventoryTags): Promise<void> {
  const path = join(configDir, INVENTORY_TAGS_PATH);
  const tmp = `${path}.tmp-${process.pid}`;
  const text = JSON.stringify({ key: tags.key, hosts: Object.fromEntries(tags.hosts) }) + '\n';
  try {
    await mkdir(join(configDir, '.nssv'), { recursive: true, mode: 0o700 });
    await writeFile(tmp, text, { mode: 0o600 });
    await rename(tmp, path);
  } catch {
    // a cache: without it the next plan reads every inventory whole
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** Removes the tags: none holds for the state stored now (tidiness, not correctness). */
export async function forgetInventoryTags(configDir: string): Promise<void> {
  await rm(join(configDir, INVENTORY_TAGS_PATH), { force: true }).catch(() => undefined);
}
