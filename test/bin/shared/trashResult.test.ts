import { purgedLine, restoredLines } from '../../../bin/shared/trashResult.js';
import type { HostTrashEntry } from '../../../engine/usecases/trash.js';
import { trashEntries as e } from './trashEntries.js';

describe('restoredLines', () => {
  it.each<[string, HostTrashEntry, string]>([
    [
      'a volume',
      e.rbdVolume,
      'Restored volume db into pool ceph (was nssv_volume.db).\nTo manage it again, declare it and add this block to the configuration:\n\nimport {\n  to = nssv_volume.db\n  id = "db"\n}\n',
    ],
    [
      'a VM',
      e.vmKeptByHand,
      'Restored VM app (defined again, shut off) on h2 (was nssv_vm.app).\nTo manage it again, declare it and add this block to the configuration:\n\nimport {\n  to = nssv_vm.app\n  id = "app"\n}\n',
    ],
    [
      'an image',
      e.rbdImage,
      'Restored image debian into image storage gold (was nssv_image.debian).\nTo manage it again, declare it and add this block to the configuration:\n\nimport {\n  to = nssv_image.debian\n  id = "debian"\n}\n',
    ],
  ])('GIVEN %s THEN it says what came back and how to adopt it', (_what, entry, text) => {
    expect(restoredLines(entry)).toBe(text);
  });
});

describe('purgedLine', () => {
  it.each<[string, HostTrashEntry, string]>([
    ['a volume', e.dirVolume, 'Purged local.ab12 (volume r0 of pool local, was nssv_volume.r[0]).\n'],
    ['a VM', e.vmKeptByHand, 'Purged domain.33c40a3d3acc (VM app on h2, was nssv_vm.app).\n'],
    ['an image', e.rbdImage, 'Purged gold.9f (image debian of image storage gold, was nssv_image.debian).\n'],
  ])('GIVEN %s THEN it says what went', (_what, entry, text) => {
    expect(purgedLine(entry)).toBe(text);
  });
});
