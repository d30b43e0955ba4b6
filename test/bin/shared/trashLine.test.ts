import { trashLine } from '../../../bin/shared/trashLine.js';
import type { HostTrashEntry } from '../../../engine/usecases/trash.js';

const when = { deletedAt: '2026-12-06T08:57:47Z', expiresAt: '2026-12-13T08:57:46Z' };

describe('trashLine', () => {
  it.each<[string, HostTrashEntry, string]>([
    [
      'a volume in a dir pool',
      {
        id: 'local.ab12',
        store: 'dir',
        address: 'nssv_volume.r[0]',
        pool: 'local',
        volume: 'r0',
        sizeGiB: 1,
        hosts: ['h1'],
        ...when,
      },
      'local.ab12  nssv_volume.r[0]  1 GiB  pool local on h1  deleted 2026-12-06T08:57:47Z  purged after 2026-12-13T08:57:46Z',
    ],
    [
      'a volume in an rbd pool',
      {
        id: 'ceph.5e1f',
        store: 'rbd',
        address: 'nssv_volume.db',
        pool: 'ceph',
        volume: 'db',
        sizeGiB: 20,
        hosts: ['h1', 'h2'],
        ...when,
      },
      'ceph.5e1f  nssv_volume.db  20 GiB  rbd pool ceph  deleted 2026-12-06T08:57:47Z  purged after 2026-12-13T08:57:46Z',
    ],
    [
      'a VM kept until purged by hand',
      {
        id: 'domain.33c40a3d3acc',
        store: 'dir',
        address: 'nssv_vm.app',
        domain: 'app',
        hosts: ['h2'],
        deletedAt: when.deletedAt,
        expiresAt: null,
      },
      'domain.33c40a3d3acc  nssv_vm.app  domain app on h2  deleted 2026-12-06T08:57:47Z  kept until purged by hand',
    ],
    [
      'an image of an rbd image storage',
      {
        id: 'gold.9f',
        store: 'rbd',
        address: 'nssv_image.debian',
        imageStore: 'gold',
        image: 'debian',
        hosts: ['h1'],
        ...when,
      },
      'gold.9f  nssv_image.debian  image debian in rbd image storage gold  deleted 2026-12-06T08:57:47Z  purged after 2026-12-13T08:57:46Z',
    ],
  ])('GIVEN %s THEN one line says what, where, and when it goes', (_what, entry, line) => {
    expect(trashLine(entry)).toBe(line);
  });
});
