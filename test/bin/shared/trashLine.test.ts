import { trashLine } from '../../../bin/shared/trashLine.js';
import type { HostTrashEntry } from '../../../engine/usecases/trash.js';
import { trashEntries as e } from './trashEntries.js';

describe('trashLine', () => {
  it.each<[string, HostTrashEntry, string]>([
    [
      'a volume in a dir pool',
      e.dirVolume,
      'local.ab12  nssv_volume.r[0]  1 GiB  pool local on h1  deleted 2026-12-06T08:57:47Z  purged after 2026-12-13T08:57:46Z',
    ],
    [
      'a volume in an rbd pool',
      e.rbdVolume,
      'ceph.5e1f  nssv_volume.db  20 GiB  rbd pool ceph  deleted 2026-12-06T08:57:47Z  purged after 2026-12-13T08:57:46Z',
    ],
    [
      'a VM kept until purged by hand',
      e.vmKeptByHand,
      'domain.33c40a3d3acc  nssv_vm.app  domain app on h2  deleted 2026-12-06T08:57:47Z  kept until purged by hand',
    ],
    [
      'an image of an rbd image storage',
      e.rbdImage,
      'gold.9f  nssv_image.debian  image debian in rbd image storage gold  deleted 2026-12-06T08:57:47Z  purged after 2026-12-13T08:57:46Z',
    ],
    [
      'a volume of an rbd pool that was deleted',
      { ...e.rbdVolume, poolDeleted: true },
      'ceph.5e1f  nssv_volume.db  20 GiB  rbd pool ceph (deleted: declare it again to restore)  deleted 2026-12-06T08:57:47Z  purged after 2026-12-13T08:57:46Z',
    ],
    [
      'an image of an rbd image storage that was deleted',
      { ...e.rbdImage, poolDeleted: true },
      'gold.9f  nssv_image.debian  image debian in rbd image storage gold (deleted: declare it again to restore)  deleted 2026-12-06T08:57:47Z  purged after 2026-12-13T08:57:46Z',
    ],
  ])('GIVEN %s THEN one line says what, where, and when it goes', (_what, entry, line) => {
    expect(trashLine(entry)).toBe(line);
  });
});
