import { META } from './names.js';

/**
 * A Ceph pool nssv deleted while its rbd trash still held entries of nssv's: deleting the Ceph
 * pool would purge them with it, long before the 7 days the delete policy promises. Such a pool
 * loses its nssv.address (inventory no longer lists it, so plans see it gone) and gains
 * nssv.retired; its trash stays listable and purgeable, and the Ceph pool goes with its last
 * entry. Declaring the pool (or image store) again adopts it, and its entries can be restored.
 */

/** Whether the metadata is of a retired pool. */
export const isRetired = (meta: { [k: string]: string }): boolean =>
  meta[META.address] === undefined && meta[META.retired] !== undefined;

/** Whether trash entries (keys with `prefix`) are recorded in the metadata. */
export const holdsTrash = (meta: { [k: string]: string }, prefix: string): boolean =>
  Object.keys(meta).some((k) => k.startsWith(prefix));

/** The metadata, when it is of a live or a retired pool: the pools a trash is read from. */
export const trashHolder = (
  meta: { [k: string]: string } | undefined,
): { [k: string]: string } | undefined =>
  meta !== undefined && (meta[META.address] !== undefined || isRetired(meta)) ? meta : undefined;

/** The error a restore from a retired pool gets: the pool must be declared again first. */
export const retiredRestoreMessage = (id: string, kind: string, name: string): string =>
  `cannot restore ${id}: ${kind} ${JSON.stringify(name)} was deleted (its Ceph pool is kept only for its trash); declare it again and apply, then restore`;
