import type { HostTrashEntry } from '../../engine/usecases/trash.js';

/** What a trash entry holds, in words ("volume db of pool ceph", "VM app on h2", "image debian of image storage gold"). */
function held(e: HostTrashEntry): string {
  if (e.domain !== undefined) return `VM ${e.domain} on ${e.hosts.join(', ')}`;
  if (e.image !== undefined) return `image ${e.image} of image storage ${e.imageStore}`;
  return `volume ${e.volume} of pool ${e.pool}`;
}

/** What `nssv trash restore` prints: what came back, where, and the import block that adopts it. */
export function restoredLines(e: HostTrashEntry): string {
  const [what, name] =
    e.domain !== undefined
      ? [`VM ${e.domain} (defined again, shut off) on ${e.hosts.join(', ')}`, e.domain]
      : e.image !== undefined
        ? [`image ${e.image} into image storage ${e.imageStore}`, e.image]
        : [`volume ${e.volume} into pool ${e.pool}`, e.volume!];
  return (
    `Restored ${what} (was ${e.address}).\n` +
    'To manage it again, declare it and add this block to the configuration:\n\n' +
    `import {\n  to = ${e.address}\n  id = ${JSON.stringify(name)}\n}\n`
  );
}

/** What `nssv trash purge` prints. */
export function purgedLine(e: HostTrashEntry): string {
  return `Purged ${e.id} (${held(e)}, was ${e.address}).\n`;
}
