/**
 * `JSON.stringify(a) === JSON.stringify(b)`, without building the two strings: the plan compares
 * every attribute of every instance, and stringifying them was a large share of its time and
 * garbage. Same answer in every case (key order counts, undefined members are left out, undefined
 * array items and non-finite numbers are null); values it does not take apart (class instances,
 * toJSON, NaN…) are compared by their JSON text.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'other' || kb === 'other') return JSON.stringify(a) === JSON.stringify(b);
  if (ka !== kb) return false;
  if (ka === 'array') {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!jsonEqual(inArray(x[i]), inArray(y[i]))) return false;
    return true;
  }
  if (ka === 'object') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    // The members JSON.stringify writes, walked in step on both sides (no filtered copies).
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < kx.length && omitted(x[kx[i]!])) i++;
      while (j < ky.length && omitted(y[ky[j]!])) j++;
      if (i === kx.length || j === ky.length) return i === kx.length && j === ky.length;
      if (kx[i] !== ky[j] || !jsonEqual(x[kx[i]!], y[ky[j]!])) return false;
      i++;
      j++;
    }
  }
  // Two strings, finite numbers or booleans that are not ===.
  return false;
}

type Kind = 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object' | 'other';

function kindOf(v: unknown): Kind {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isFinite(v) ? 'number' : 'other';
    case 'object': {
      if (Array.isArray(v)) return 'array';
      const proto = Object.getPrototypeOf(v) as unknown;
      if ((proto === Object.prototype || proto === null) && !('toJSON' in v)) return 'object';
      return 'other';
    }
    default:
      return 'other';
  }
}

/** Members JSON.stringify leaves out of an object. */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** What JSON.stringify writes for an array item: null for those it cannot write. */
function inArray(v: unknown): unknown {
  return omitted(v) ? null : v;
}
