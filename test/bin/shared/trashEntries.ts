import type { HostTrashEntry } from '../../../engine/usecases/trash.js';

const when = { deletedAt: '2026-12-06T08:57:47Z', expiresAt: '2026-12-13T08:57:46Z' };

/** One trash entry of each kind, as `nssv trash list` gathers them from the hosts. */
export const trashEntries = {
  dirVolume: {
    id: 'local.ab12',
    store: 'dir',
    address: 'nssv_volume.r[0]',
    pool: 'local',
    volume: 'r0',
    sizeGiB: 1,
    hosts: ['h1'],
    ...when,
  },
  rbdVolume: {
    id: 'ceph.5e1f',
    store: 'rbd',
    address: 'nssv_volume.db',
    pool: 'ceph',
    volume: 'db',
    sizeGiB: 20,
    hosts: ['h1', 'h2'],
    ...when,
  },
  vmKeptByHand: {
    id: 'domain.33c40a3d3acc',
    store: 'dir',
    address: 'nssv_vm.app',
    domain: 'app',
    hosts: ['h2'],
    deletedAt: when.deletedAt,
    expiresAt: null,
  },
  rbdImage: {
    id: 'gold.9f',
    store: 'rbd',
    address: 'nssv_image.debian',
    imageStore: 'gold',
    image: 'debian',
    hosts: ['h1'],
    ...when,
  },
} satisfies Record<string, HostTrashEntry>;
