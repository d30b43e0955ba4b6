import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks `Authorization: Bearer <token>` in constant time. Both sides are hashed first, so the
 * comparison takes the same time whatever the length of what was sent.
 */
export function bearerTokenMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b) && presented.length > 0;
}

/**
 * True when the header carries any of `tokens` (during a rotation the token file holds the old and
 * the new one). Every token is compared, so the time taken does not tell which one matched.
 */
export function anyBearerTokenMatches(header: string | undefined, tokens: readonly string[]): boolean {
  let matched = false;
  for (const token of tokens) if (bearerTokenMatches(header, token)) matched = true;
  return matched;
}
