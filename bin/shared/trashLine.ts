import type { HostTrashEntry } from '../../engine/usecases/trash.js';

/** One line of `nssv trash list`: id, address, what and where, when it was deleted and when it goes. */
export function trashLine(e: HostTrashEntry): string {
  // A deleted rbd pool or image storage is kept in Ceph for its trash: restoring needs it declared again.
  const deleted = e.poolDeleted ? ' (deleted: declare it again to restore)' : '';
  const where =
    e.domain !== undefined
      ? `domain ${e.domain} on ${e.hosts.join(', ')}`
      : e.image !== undefined
        ? `image ${e.image} in ${e.store === 'rbd' ? 'rbd ' : ''}image storage ${e.imageStore}${e.store === 'rbd' ? deleted : ` on ${e.hosts.join(', ')}`}`
        : `${e.sizeGiB} GiB  ${e.store === 'rbd' ? `rbd pool ${e.pool}${deleted}` : `pool ${e.pool} on ${e.hosts.join(', ')}`}`;
  const goes = e.expiresAt ? `purged after ${e.expiresAt}` : 'kept until purged by hand';
  return `${e.id}  ${e.address}  ${where}  deleted ${e.deletedAt}  ${goes}`;
}
