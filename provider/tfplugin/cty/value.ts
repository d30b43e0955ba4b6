import type { CtyType } from './types.js';
import { Unknown } from './unknown.js';

/** A Terraform value as the provider handles it: JSON-like, with Unknown where not known yet. */
export type TfValue = null | string | number | boolean | Unknown | TfValue[] | { [k: string]: TfValue };
export type TfObject = { [k: string]: TfValue };

export class ValueError extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

/** A number as Terraform may send it: msgpack int/float, or a decimal string for large or precise ones. */
function toNumber(v: unknown, path: (string | number)[]): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const n = Number(v);
    if (v.trim() !== '' && Number.isFinite(n)) return n;
  }
  throw new ValueError(path, `expected a number, got ${JSON.stringify(v)}`);
}

/**
 * Shapes a decoded value by its type: numbers that came as strings become numbers, objects get
 * every attribute of their type (absent ones null), unknowns stay as they are.
 */
export function conform(v: unknown, t: CtyType, path: (string | number)[] = []): TfValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Unknown) return v;
  if (t === 'dynamic') return v as TfValue;
  if (t === 'string') {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new ValueError(path, `expected a string, got ${JSON.stringify(v)}`);
  }
  if (t === 'number') return toNumber(v, path);
  if (t === 'bool') {
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    throw new ValueError(path, `expected a bool, got ${JSON.stringify(v)}`);
  }
  const [kind, inner] = t;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(v)) throw new ValueError(path, `expected a list, got ${JSON.stringify(v)}`);
    return v.map((x, i) => conform(x, inner, [...path, i]));
  }
  if (typeof v !== 'object' || Array.isArray(v))
    throw new ValueError(path, `expected an object, got ${JSON.stringify(v)}`);
  const src = v as Record<string, unknown>;
  const out: TfObject = {};
  if (kind === 'map') {
    for (const k of Object.keys(src).sort()) out[k] = conform(src[k], inner, [...path, k]);
    return out;
  }
  for (const [k, at] of Object.entries(inner)) out[k] = conform(src[k], at, [...path, k]);
  return out;
}
