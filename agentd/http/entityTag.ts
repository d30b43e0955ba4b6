import { createHash } from 'node:crypto';

/**
 * The strong entity tag of an answer's body: a SHA-256 digest of its bytes (base64url, quoted).
 * Equal bodies, equal tags; any change to what the body says changes it.
 */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** Whether an If-None-Match header value names `etag` (one of a comma-separated list, or `*`). */
export function ifNoneMatchNames(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    // A weak comparison, as RFC 9110 §13.1.2 asks for If-None-Match: W/"x" names "x".
    return tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === etag;
  });
}
