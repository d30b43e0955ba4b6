import type { HostTrashEntry } from '../../engine/usecases/trash.js';

/** One line of `nssv trash list`: id, address, what and where, when it was deleted and when it goes. */
export function trashLine(e: HostTrashEntry): string {
  const where =
    e.domain !== undefined
      ? `domain ${e.domain} on ${e.hosts.join(', ')}`
      : e.image !== undefined
        ? `image ${e.image} in ${e.store === 'rbd' ? 'rbd ' : ''}image storage ${e.imageStore}${e.store === 'rbd' ? '' : ` on ${e.hosts.join(', ')}`}`
        : `${e.sizeGiB} GiB  ${e.store === 'rbd' ? `rbd pool ${e.pool}` : `pool ${e.pool} on ${e.hosts.join(', ')}`}`;
  const goes = e.expiresAt ? `purged after ${e.expiresAt}` : 'kept until purged by hand';
  return `${e.id}  ${e.address}  ${where}  deleted ${e.deletedAt}  ${goes}`;
}
