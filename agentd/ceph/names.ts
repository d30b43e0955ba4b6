/**
 * Names of the Ceph objects behind an nssv rbd pool. nssv names are [a-z0-9-], so the `.`
 * separators keep two nssv pools from ever sharing a Ceph name ("a-data" vs "a"'s data pool).
 *   nssv.<pool>        the pool RBD images live in (replicated; for EC: the metadata pool)
 *   nssv.<pool>.data   the erasure-coded data pool (EC only; images are made with --data-pool)
 *   nssv.<pool>        the CRUSH rule of the replicated pool, and the EC profile
 *   nssv.<pool>.data   the CRUSH rule Ceph makes for the EC data pool
 */
import { namedRegExp } from '../names.js';

export const cephPoolName = (pool: string): string => `nssv.${pool}`;
export const cephDataPoolName = (pool: string): string => `nssv.${pool}.data`;
export const cephRuleName = (pool: string): string => `nssv.${pool}`;
export const ecProfileName = (pool: string): string => `nssv.${pool}`;

/** The nssv pool a Ceph pool name belongs to (the main pool only), or undefined. */
export function nssvPoolOf(cephPool: string): string | undefined {
  const m = namedRegExp('^nssv\\.<name>$').exec(cephPool);
  return m ? m[1] : undefined;
}

/** Keys nssv keeps in the main pool's rbd application metadata. */
export const META = {
  address: 'nssv.address',
  thin: 'nssv.thin',
  volumePrefix: 'nssv.volume.',
  /** nssv.snapshot.<volume>.<snapshot> = {"address","createdAt"} */
  snapshotPrefix: 'nssv.snapshot.',
  /** nssv.trash.<rbd image id> = {"volume","address","sizeGiB","deletedAt","expiresAt"} */
  trashPrefix: 'nssv.trash.',
  /**
   * When nssv deleted the pool (or image store) while its rbd trash still held entries: the Ceph
   * pool is kept, without nssv.address, until its last entry is purged (see retired.ts).
   */
  retired: 'nssv.retired',
} as const;

/**
 * A record kept as a pool metadata value: Ceph accepts only [A-Za-z0-9-_.] there, so the JSON is
 * stored base64url-encoded (no padding).
 */
export function encodeMeta(record: object): string {
  return Buffer.from(JSON.stringify(record), 'utf8').toString('base64url');
}

/** The record of encodeMeta, or undefined when the value is not one. */
export function decodeMeta<T>(value: string): T | undefined {
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * An rbd image storage is the Ceph pool `nssv-images.<store>` (never `nssv.`: no rbd pool's Ceph
 * name can equal it); each image in it is an RBD image with the protected snapshot `base` that
 * volumes are cloned from. Its nssv records live in the pool's rbd metadata: META.address for the
 * store, nssv.image.<image> for each image.
 */
export const imageStorePoolName = (store: string): string => `nssv-images.${store}`;
export const IMAGE_BASE_SNAPSHOT = 'base';
export const IMAGE_META_PREFIX = 'nssv.image.';
/** nssv.imagetrash.<rbd image id> = an image in the pool's rbd trash: its record, address and times. */
export const IMAGE_TRASH_PREFIX = 'nssv.imagetrash.';

/** The image store a Ceph pool name belongs to, or undefined. */
export function imageStoreOf(cephPool: string): string | undefined {
  const m = /^nssv-images\.([a-z][a-z0-9-]{0,62})$/.exec(cephPool);
  return m ? m[1] : undefined;
}
