/**
 * Ceph keeps at most 128 characters in one pool metadata value. A longer value is stored in
 * chunks: the key itself holds `..N` (base64url values never contain a dot) and `KEY..0` …
 * `KEY..N-1` hold the pieces. Readers see whole values through joinChunks.
 *
 * Ceph also takes only [A-Za-z0-9-_.=] in a value. A value with other characters (the address of
 * an instance of count or for_each: `nssv_volume.data[0]`, `nssv_volume.v["db"]`) is stored as
 * `b64.` and its base64url; joinChunks gives it back as it was. A value that already fits is
 * stored as it is, so what earlier versions wrote still reads.
 */
export const MAX_META_VALUE = 120;

const COUNT = /^\.\.(\d{1,3})$/;
const STORABLE = /^[A-Za-z0-9_.=-]*$/;
const ENCODED = 'b64.';

/** A value as Ceph can keep it (see above). */
export function storableValue(value: string): string {
  return STORABLE.test(value) && !value.startsWith(ENCODED)
    ? value
    : `${ENCODED}${Buffer.from(value, 'utf8').toString('base64url')}`;
}

/** The value storableValue was given. */
function storedValue(value: string): string {
  return value.startsWith(ENCODED)
    ? Buffer.from(value.slice(ENCODED.length), 'base64url').toString('utf8')
    : value;
}

/** The pool metadata entries to write for one value: a single entry, or the count and the pieces. */
export function chunkEntries(key: string, given: string): [string, string][] {
  const value = storableValue(given);
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
    out[k] = storedValue(
      m ? Array.from({ length: Number(m[1]) }, (_, i) => meta[`${k}..${i}`] ?? '').join('') : v,
    );
  }
  return out;
}
