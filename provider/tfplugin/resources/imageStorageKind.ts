import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import { checkImageStorageKind } from '../../../planner/plan/checks/imageStorageKind.js';
import type { Session } from '../session.js';

/**
 * `nssv plan`'s rule that a volume made from an image is in the same kind of storage as the image,
 * with the pool, the image and its storage as this process planned them (Terraform plans them
 * before the volume); nothing when one of them is not in the configuration.
 */
export function volumeImageStorageKind(s: Session, address: string, v: Attributes): Diagnostic[] {
  const pool = s.recall('nssv_storage_pool', v.pool_id);
  const image = s.recall('nssv_image', v.source_image_id);
  const storage = image && s.recall('nssv_image_storage', image.image_storage_id);
  if (!pool || !image || !storage || typeof pool.kind !== 'string') return [];
  return checkImageStorageKind({
    address,
    pool: { name: String(pool.name), kind: pool.kind },
    image: {
      name: String(image.name),
      storage: String(storage.name),
      storageKind: typeof storage.kind === 'string' ? storage.kind : 'dir',
    },
    range: undefined,
  });
}
