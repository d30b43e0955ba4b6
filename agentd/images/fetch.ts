import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errors } from '../errors.js';

export interface Fetched {
  sha256: string;
  sizeBytes: number;
}

/** How long one image download may take. */
export const FETCH_TIMEOUT_MS = 30 * 60_000;

/**
 * Copies an image source (an http(s) URL or an absolute path on this host) to `dest`, hashing
 * it on the way. The caller verifies the digest and removes `dest` on any failure.
 */
export async function fetchToFile(source: string, dest: string): Promise<Fetched> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  const input = /^https?:\/\//.test(source) ? await openUrl(source) : openFile(source);
  try {
    await pipeline(input, tap, createWriteStream(dest, { mode: 0o644 }));
  } catch (e) {
    throw errors.toolFailed(
      `cannot read image source ${JSON.stringify(source)}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

function openFile(path: string): Readable {
  if (!path.startsWith('/')) {
    throw errors.invalidRequest(
      `image source ${JSON.stringify(path)} must be an http(s) URL or an absolute path on the host`,
    );
  }
  return createReadStream(path);
}

async function openUrl(url: string): Promise<Readable> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    throw errors.toolFailed(
      `cannot download image ${JSON.stringify(url)}: ${e instanceof Error ? e.message : String(e)}${cause}`,
    );
  }
  if (!response.ok || !response.body) {
    throw errors.toolFailed(
      `cannot download image ${JSON.stringify(url)}: the server answered HTTP ${response.status} ${response.statusText}`.trim(),
    );
  }
  return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
}
