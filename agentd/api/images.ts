/**
 * The agentd HTTP API for image templates and volumes cloned from them (issue 7), beside
 * agentd/api/types.ts:
 *   PUT    /v1/image-stores/:store                 ImageStoreSpec -> ImageStoreInfo
 *   DELETE /v1/image-stores/:store                                -> DeleteResult (409 while images remain)
 *   PUT    /v1/image-stores/:store/images/:image   ImageSpec      -> ImageInfo
 *          (fetches the source, verifies sha256 and format before the image becomes usable;
 *           a mismatch is 422 checksum_mismatch and leaves nothing behind)
 *   DELETE /v1/image-stores/:store/images/:image                  -> DeleteResult (409 while volumes are linked to it)
 * An image store is a directory on the host: <storageRoot>/.images/<store>/<image>.<format>.
 */
import type { VolumeFormat } from './types.js';

export interface ImageStoreSpec {
  address: string;
}
export interface ImageStoreInfo {
  name: string;
  address: string;
  path: string;
}

export interface ImageSpec {
  address: string;
  /** An http(s) URL or an absolute path of a file on this host. */
  source: string;
  format: VolumeFormat;
  /** Expected SHA-256 of the source file; null: computed and recorded, not checked (local files only). */
  sha256: string | null;
}
export interface ImageInfo {
  store: string;
  name: string;
  address: string;
  source: string;
  format: VolumeFormat;
  /** SHA-256 of the file as imported. */
  sha256: string;
  sizeBytes: number;
  virtualSizeBytes: number;
  path: string;
}

export type CloneMode = 'linked' | 'full' | 'rapid';
/** linked: backed by the image; flattening: a rapid clone still copying; independent: no backing file. */
export type CloneState = 'linked' | 'flattening' | 'independent';

export interface VolumeSourceSpec {
  store: string;
  image: string;
  cloneMode: CloneMode;
}
export interface VolumeSourceInfo extends VolumeSourceSpec {
  state: CloneState;
}
