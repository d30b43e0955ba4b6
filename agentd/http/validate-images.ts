import type { ImageSpec, ImageStoreSpec, VolumeSourceSpec } from '../api/images.js';
import { errors } from '../errors.js';
import { assertName } from '../names.js';
import { address, object, oneOf, show } from './validate.js';

/** Request bodies of the image routes (agentd/api/images.ts). */
export function imageStoreSpec(body: unknown): ImageStoreSpec {
  const o = object(body, 'body', ['address']);
  return { address: address(o, 'body') };
}

export function imageSpec(body: unknown): ImageSpec {
  const o = object(body, 'body', ['address', 'source', 'format', 'sha256']);
  const source = o.source;
  if (typeof source !== 'string' || !/^(https?:\/\/\S+|\/\S+)$/.test(source) || source.length > 4096) {
    throw errors.invalidRequest(
      `body.source must be an http(s) URL or an absolute path on the host (no spaces, at most 4096 characters), got ${show(source)}`,
    );
  }
  if (source.startsWith('/') && source.split('/').includes('..')) {
    throw errors.invalidRequest(`body.source must not contain ".." path segments, got ${show(source)}`);
  }
  const sha256 = o.sha256;
  if (sha256 !== null && (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))) {
    throw errors.invalidRequest(
      `body.sha256 must be 64 lower-case hexadecimal digits or null, got ${show(sha256)}`,
    );
  }
  if (sha256 === null && !source.startsWith('/')) {
    throw errors.invalidRequest(
      `body.sha256 is required for a download (${source}): an image fetched over the network is verified before use`,
    );
  }
  return {
    address: address(o, 'body'),
    source,
    format: oneOf(o, 'format', 'body', ['qcow2', 'raw'] as const),
    sha256,
  };
}

export function volumeSource(value: unknown): VolumeSourceSpec {
  const o = object(value, 'body.source', ['store', 'image', 'cloneMode']);
  return {
    store: assertName('volume', o.store, 'body.source.store'),
    image: assertName('volume', o.image, 'body.source.image'),
    cloneMode: oneOf(o, 'cloneMode', 'body.source', ['linked', 'full', 'rapid'] as const),
  };
}
