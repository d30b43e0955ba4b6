/**
 * Ceph keeps at most 128 characters in one pool metadata value. A longer value is stored in
 * chunks: the key itself holds `..N` (base64url values never contain a dot) and `KEY..0` …
 * `KEY..N-1` hold the pieces. Readers see whole values through joinChunks.
 */
export const MAX_META_VALUE = 120;

const COUNT = /^\.\.(\d{1,3})$/;

/** The pool metadata entries to write for one value: a single entry, or the count and the pieces. */
export function chunkEntries(key: string, value: string): [string, string][] {
  if (value.length <= MAX_META_VALUE) return [[key, value]];
  const pieces: string[] = [];
  for (let i = 0; i < value.length; i += MAX_META_VALUE) pieces.push(value.slice(i, i + MAX_META_VALUE));
  return [[key, `..${pieces.length}`], ...pieces.map((p, i): [string, string] => [`${key}..${i}`, p])];
}

/** The chunk keys of `key` present in `meta` (to remove when the value is replaced or dropped). */
export function chunkKeys(meta: Readonly<Record<string, string>>, key: string): string[] {
  return Object.keys(meta).filter((k) => k.startsWith(`${key}..`));
}

/** The metadata with every chunked value joined and the piece keys left out. */
export function joinChunks(meta: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(meta)) {
    if (/\.\.\d+$/.test(k)) continue;
    const m = COUNT.exec(v);
    out[k] = m ? Array.from({ length: Number(m[1]) }, (_, i) => meta[`${k}..${i}`] ?? '').join('') : v;
  }
  return out;
}
