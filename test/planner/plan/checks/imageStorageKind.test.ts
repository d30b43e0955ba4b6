import { checkImageStorageKind } from '../../../../planner/plan/checks/imageStorageKind.js';

const range = { file: 'main.tf', line: 12, column: 3 };
const volume = (poolKind: string, storageKind: string) => ({
  address: 'nssv_volume.boot',
  pool: { name: 'fast', kind: poolKind },
  image: { name: 'debian', storage: 'tmpl', storageKind },
  range,
});

describe('checkImageStorageKind', () => {
  test('GIVEN a dir pool and an image of an rbd image storage THEN a located error names the volume, the pool, the image, the storage and the fix', () => {
    expect(checkImageStorageKind(volume('dir', 'rbd'))).toEqual([
      {
        severity: 'error',
        code: 'NSSV_VOLUME_IMAGE_STORAGE_KIND',
        address: 'nssv_volume.boot',
        attribute: 'source_image_id',
        summary:
          'nssv_volume.boot: source_image_id = "debian" is in rbd image storage "tmpl", but pool "fast" is a dir pool',
        detail:
          "A volume made from an image is in the same kind of storage as the image: a dir pool's volumes come from images of a dir image storage (qcow2 overlays on, or copies of, the image file), an rbd pool's volumes are rbd clones of images of an rbd image storage. Fix: put the volume in an rbd pool, or use an image of a dir image storage.",
        range,
      },
    ]);
  });

  test('GIVEN an rbd pool and an image of a dir image storage THEN the fix points the other way', () => {
    expect(
      checkImageStorageKind(volume('rbd', 'dir')).map((d) => [d.summary, d.detail?.split('Fix: ')[1]]),
    ).toEqual([
      [
        'nssv_volume.boot: source_image_id = "debian" is in dir image storage "tmpl", but pool "fast" is an rbd pool',
        'put the volume in a dir pool, or use an image of an rbd image storage.',
      ],
    ]);
  });

  test('GIVEN the same kind on both sides THEN nothing is reported', () => {
    expect(checkImageStorageKind(volume('dir', 'dir'))).toEqual([]);
    expect(checkImageStorageKind(volume('rbd', 'rbd'))).toEqual([]);
  });
});
