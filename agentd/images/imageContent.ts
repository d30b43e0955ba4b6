import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ImageInfo, ImageSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { type Fetched, fetchToFile } from './fetch.js';

/** What nssv records about an image, in a dir store's record file or an rbd store's pool metadata. */
export type ImageRecord = Pick<ImageInfo, 'address' | 'source' | 'format' | 'sha256' | 'sizeBytes'>;

export function recordOf(i: ImageInfo): ImageRecord {
  return { address: i.address, source: i.source, format: i.format, sha256: i.sha256, sizeBytes: i.sizeBytes };
}

/**
 * Images are immutable: an image already present under this name must hold what the spec
 * declares (same source and format, and the same sha256 when one is given); otherwise a conflict.
 */
export function refuseOtherContent(existing: ImageInfo, spec: ImageSpec, store: string, image: string): void {
  const same =
    existing.format === spec.format &&
    existing.source === spec.source &&
    (spec.sha256 === null || spec.sha256 === existing.sha256);
  if (same) return;
  throw errors.conflict(
    `image ${JSON.stringify(image)} in store ${JSON.stringify(store)} already holds ${existing.source} (${existing.format}, sha256 ${existing.sha256}); images are immutable: delete it and import the new one under this or another name`,
  );
}

/**
 * Downloads the spec's source to `tmp`, then checks its sha256 (when declared) and its format
 * (`checkFormat`); a mismatch throws and the caller's rollback removes `tmp`.
 */
export async function fetchVerified(
  spec: ImageSpec,
  image: string,
  tmp: string,
  checkFormat: (path: string, spec: ImageSpec, image: string) => Promise<void>,
): Promise<Fetched> {
  await mkdir(dirname(tmp), { recursive: true });
  const fetched = await fetchToFile(spec.source, tmp);
  if (spec.sha256 !== null && fetched.sha256 !== spec.sha256) {
    throw errors.checksumMismatch(
      `image ${JSON.stringify(image)}: the sha256 of ${spec.source} is ${fetched.sha256}, expected ${spec.sha256}; nothing was kept. Fix: correct sha256 (or the source) so they match`,
      `expected sha256 ${spec.sha256}\nactual sha256   ${fetched.sha256}\nsource ${spec.source} (${fetched.sizeBytes} bytes)`,
    );
  }
  await checkFormat(tmp, spec, image);
  return fetched;
}
