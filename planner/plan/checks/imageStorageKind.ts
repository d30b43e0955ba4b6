import type { Diagnostic, SourceRange } from '../../../core/diagnostic.js';
import { planErrors } from '../errors.js';

/** A volume made from an image: its pool and the image's storage, each with its kind. */
export interface VolumeFromImage {
  address: string;
  pool: { name: string; kind: string };
  image: { name: string; storage: string; storageKind: string };
  range: SourceRange | undefined;
}

/**
 * The one place the rule lives (the agent refuses the same at apply): a volume made from an image
 * is in the same kind of storage as the image. A dir pool's volume is a qcow2 overlay on, or a copy
 * of, an image file of a dir image storage; an rbd pool's volume is an rbd clone of an image of an
 * rbd image storage.
 */
export function checkImageStorageKind(v: VolumeFromImage): Diagnostic[] {
  if (v.pool.kind === v.image.storageKind) return [];
  return [planErrors.imageStorageKind(v.address, v.pool, v.image, v.range)];
}
