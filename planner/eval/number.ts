/**
 * Terraform's numbers: binary floating point with a per-value precision in bits, like Go's
 * big.Float (literals and parsed strings have 512 bits, integers from functions 64, floats 53).
 * Results of arithmetic take the larger precision of the operands, rounded to nearest even.
 * Printing uses the shortest decimal that rounds back to the same value (big.Float 'f', -1).
 */
export class BigNum {
  private constructor(
    readonly neg: boolean,
    /** value = mant * 2^exp; mant has at most `prec` bits; 0n for zero */
    readonly mant: bigint,
    readonly exp: number,
    readonly prec: number,
    readonly inf: boolean = false,
  ) {}

  static readonly LITERAL_PREC = 512;

  static infinity(neg: boolean): BigNum {
    return new BigNum(neg, 0n, 0, 512, true);
  }

  /** Round mant*2^exp (plus a sticky bit for discarded nonzero bits) to prec bits. */
  static make(neg: boolean, mant: bigint, exp: number, prec: number, sticky = false): BigNum {
    if (mant === 0n) return new BigNum(neg, 0n, 0, prec);
    const bits = bitLength(mant);
    if (bits > prec) {
      const shift = bits - prec;
      const half = 1n << BigInt(shift - 1);
      const rem = mant & ((1n << BigInt(shift)) - 1n);
      let q = mant >> BigInt(shift);
      if (rem > half || (rem === half && (sticky || (q & 1n) === 1n))) q += 1n;
      mant = q;
      exp += shift;
    }
    // strip trailing zero bits to keep mantissas small
    const tz = trailingZeros(mant);
    if (tz > 0) {
      mant >>= BigInt(tz);
      exp += tz;
    }
    return new BigNum(neg, mant, exp, prec);
  }

  /** Like Go's big.Float.SetInt: precision is the larger of 64 and the integer's bit length. */
  static fromBigInt(n: bigint, prec = 64): BigNum {
    const neg = n < 0n;
    const abs = neg ? -n : n;
    return BigNum.make(neg, abs, 0, Math.max(prec, bitLength(abs)));
  }

  static fromInt(n: number): BigNum {
    // small integers (counts, indexes) without BigInt arithmetic: what make() gives for them
    const abs = Math.abs(n);
    if (Number.isInteger(n) && abs < 0x80000000) {
      if (abs === 0) return new BigNum(false, 0n, 0, 64);
      const tz = 31 - Math.clz32(abs & -abs);
      return new BigNum(n < 0, BigInt(abs >>> tz), tz, 64);
    }
    return BigNum.fromBigInt(BigInt(n), 64);
  }

  /** Exact value of a float64, precision 53 (Go's big.NewFloat). */
  static fromFloat64(f: number): BigNum {
    if (!isFinite(f)) return BigNum.infinity(f < 0);
    const neg = f < 0 || Object.is(f, -0);
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, Math.abs(f));
    const hi = buf.getUint32(0);
    const lo = buf.getUint32(4);
    const e = (hi >>> 20) & 0x7ff;
    let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let exp: number;
    if (e === 0) exp = -1074;
    else {
      m |= 1n << 52n;
      exp = e - 1075;
    }
    return BigNum.make(neg, m, exp, 53);
  }

  /** Parse a decimal number like "12", "-0.5", "1e30" with the given precision. */
  static parse(text: string, prec = BigNum.LITERAL_PREC): BigNum | undefined {
    const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    const neg = m[1] === '-';
    const digits = (m[2] ?? '') + (m[3] ?? '');
    let e10 = (m[4] ? parseInt(m[4], 10) : 0) - (m[3] ?? '').length;
    let d = BigInt(digits === '' ? '0' : digits);
    if (d === 0n) return new BigNum(neg, 0n, 0, prec);
    if (Math.abs(e10) > 100000) return e10 > 0 ? BigNum.infinity(neg) : new BigNum(neg, 0n, 0, prec);
    if (e10 >= 0) return BigNum.make(neg, d * 10n ** BigInt(e10), 0, prec);
    // d / 10^-e10: strip common factors of ten first
    while (e10 < 0 && d % 10n === 0n) {
      d /= 10n;
      e10++;
    }
    if (e10 >= 0) return BigNum.make(neg, d * 10n ** BigInt(e10), 0, prec);
    return divRound(neg, d, 0, 10n ** BigInt(-e10), 0, prec);
  }

  get isZero(): boolean {
    return !this.inf && this.mant === 0n;
  }

  isInteger(): boolean {
    return !this.inf && (this.mant === 0n || this.exp >= 0);
  }

  /** Truncate toward zero. */
  toBigInt(): bigint {
    if (this.inf) throw new RangeError('infinity');
    let v = this.exp >= 0 ? this.mant << BigInt(this.exp) : this.mant >> BigInt(-this.exp);
    if (this.neg) v = -v;
    return v;
  }

  /** Nearest float64 (ties to even), like big.Float.Float64. */
  toFloat64(): number {
    if (this.inf) return this.neg ? -Infinity : Infinity;
    if (this.mant === 0n) return this.neg ? -0 : 0;
    const r = BigNum.make(this.neg, this.mant, this.exp, 53);
    const v = Number(r.mant) * Math.pow(2, r.exp);
    const f = isFinite(v) && v !== 0 ? v : Number(r.mant) * Math.pow(2, r.exp + 100) * Math.pow(2, -100);
    return this.neg ? -f : f;
  }

  neg_(): BigNum {
    return this.inf ? BigNum.infinity(!this.neg) : new BigNum(!this.neg, this.mant, this.exp, this.prec);
  }
  abs(): BigNum {
    return this.neg ? this.neg_() : this;
  }
  withPrec(prec: number): BigNum {
    return this.inf ? this : BigNum.make(this.neg, this.mant, this.exp, prec);
  }

  add(o: BigNum): BigNum {
    const prec = Math.max(this.prec, o.prec);
    if (this.inf || o.inf) {
      if (this.inf && o.inf && this.neg !== o.neg) throw new RangeError('Inf - Inf');
      return this.inf ? this : o;
    }
    if (this.mant === 0n && o.mant === 0n) return new BigNum(this.neg && o.neg, 0n, 0, prec);
    if (this.mant === 0n) return o.withPrec(prec);
    if (o.mant === 0n) return this.withPrec(prec);
    const exp = Math.min(this.exp, o.exp);
    const a = (this.mant << BigInt(this.exp - exp)) * (this.neg ? -1n : 1n);
    const b = (o.mant << BigInt(o.exp - exp)) * (o.neg ? -1n : 1n);
    const s = a + b;
    if (s === 0n) return new BigNum(false, 0n, 0, prec);
    return BigNum.make(s < 0n, s < 0n ? -s : s, exp, prec);
  }
  sub(o: BigNum): BigNum {
    return this.add(o.neg_());
  }
  mul(o: BigNum): BigNum {
    const prec = Math.max(this.prec, o.prec);
    const neg = this.neg !== o.neg;
    if (this.inf || o.inf) {
      if (this.isZero || o.isZero) throw new RangeError('0 * Inf');
      return BigNum.infinity(neg);
    }
    return BigNum.make(neg, this.mant * o.mant, this.exp + o.exp, prec);
  }
  div(o: BigNum): BigNum {
    const prec = Math.max(this.prec, o.prec);
    const neg = this.neg !== o.neg;
    if (o.isZero) {
      if (this.isZero) throw new RangeError('0 / 0');
      return BigNum.infinity(neg);
    }
    if (this.inf) return BigNum.infinity(neg);
    if (o.inf) return new BigNum(neg, 0n, 0, prec);
    if (this.isZero) return new BigNum(neg, 0n, 0, prec);
    return divRound(neg, this.mant, this.exp, o.mant, o.exp, prec);
  }

  cmp(o: BigNum): number {
    if (this.inf || o.inf) {
      const a = this.inf ? (this.neg ? -1 : 1) : 0;
      const b = o.inf ? (o.neg ? -1 : 1) : 0;
      return a === b ? 0 : a < b ? -1 : 1;
    }
    const sa = this.mant === 0n ? 0 : this.neg ? -1 : 1;
    const sb = o.mant === 0n ? 0 : o.neg ? -1 : 1;
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (sa === 0) return 0;
    const exp = Math.min(this.exp, o.exp);
    const a = this.mant << BigInt(this.exp - exp);
    const b = o.mant << BigInt(o.exp - exp);
    const c = a === b ? 0 : a < b ? -1 : 1;
    return sa < 0 ? -c : c;
  }
  eq(o: BigNum): boolean {
    return this.cmp(o) === 0;
  }

  floor(): BigNum {
    if (this.isInteger()) return this;
    const t = this.toBigInt();
    return BigNum.fromBigInt(this.neg ? t - 1n : t, this.prec);
  }
  ceil(): BigNum {
    if (this.isInteger()) return this;
    const t = this.toBigInt();
    return BigNum.fromBigInt(this.neg ? t : t + 1n, this.prec);
  }

  /**
   * The value as a JS number when it is a whole number below 2^53 that `toString` prints exactly
   * (so `Number(toString())` without the text), else undefined.
   */
  toSafeInteger(): number | undefined {
    if (this.inf || this.exp < 0 || this.exp > 52 || this.mant > 0x1fffffffffffffn) return undefined;
    const m = Number(this.mant) * 2 ** this.exp;
    if (m > Number.MAX_SAFE_INTEGER || bitLength(this.mant) + this.exp > this.prec) return undefined;
    return this.neg ? -m : m;
  }

  /** Shortest decimal in plain notation (Go big.Float Text('f', -1)). */
  toString(): string {
    if (this.inf) return this.neg ? '-Inf' : '+Inf';
    const sign = this.neg ? '-' : '';
    if (this.mant === 0n) return sign + '0';
    // whole numbers below 2^53 print as JS prints them (no BigInt shift and conversion)
    const n = this.toSafeInteger();
    if (n !== undefined) return String(n);
    // integers that fit the precision print exactly (the shortest form is the integer itself)
    if (this.exp >= 0 && this.exp < 64 && bitLength(this.mant) + this.exp <= this.prec)
      return sign + (this.mant << BigInt(this.exp)).toString();
    const d = shortestDecimal(this.mant, this.exp, this.prec);
    return sign + formatF(d);
  }
}

function bitLength(n: bigint): number {
  // small mantissas (counts, indexes, sizes) without the float logarithm
  if (n < 0x100000000n) return n <= 0n ? 0 : 32 - Math.clz32(Number(n));
  if (n < 0x20000000000000n)
    return n === 0n
      ? 0
      : Math.floor(Math.log2(Number(n))) + 1 - (2 ** Math.floor(Math.log2(Number(n))) > Number(n) ? 1 : 0);
  return n.toString(16).length * 4 - (4 - hexDigitBits(n.toString(16).charCodeAt(0)));
}
function hexDigitBits(c: number): number {
  const v = c <= 57 ? c - 48 : c - 87;
  return v >= 8 ? 4 : v >= 4 ? 3 : v >= 2 ? 2 : 1;
}
function trailingZeros(n: bigint): number {
  if (n === 0n) return 0;
  if (n < 0x100000000n) {
    const x = Number(n);
    return 31 - Math.clz32(x & -x);
  }
  let c = 0;
  while ((n & 0xffffffffn) === 0n) {
    n >>= 32n;
    c += 32;
  }
  while ((n & 1n) === 0n) {
    n >>= 1n;
    c++;
  }
  return c;
}

/** (an*2^ae) / (bn*2^be) rounded to prec bits. */
function divRound(neg: boolean, an: bigint, ae: number, bn: bigint, be: number, prec: number): BigNum {
  // scale so the quotient has at least prec+2 bits
  const shift = Math.max(0, prec + 2 - (bitLength(an) - bitLength(bn)));
  const num = an << BigInt(shift);
  const q = num / bn;
  const r = num % bn;
  return BigNum.make(neg, q, ae - be - shift, prec, r !== 0n);
}

interface Dec {
  mant: string; // digits, no trailing zeros
  exp: number; // value = 0.mant * 10^exp
}

function decimalOf(m: bigint, shift: number): Dec {
  if (m === 0n) return { mant: '', exp: 0 };
  let s: string;
  let exp: number;
  if (shift >= 0) {
    s = (m << BigInt(shift)).toString();
    exp = s.length;
  } else {
    const k = -shift;
    s = (m * 5n ** BigInt(k)).toString();
    exp = s.length - k;
  }
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return { mant: s.slice(0, end), exp };
}

function shortestDecimal(mant: bigint, exp: number, prec: number): Dec {
  const d = decimalOf(mant, exp);
  // normalise so that mant has prec+1 bits and its lsb is half an ulp
  const bits = bitLength(mant);
  let m = mant;
  let e = exp;
  const s = bits - (prec + 1);
  if (s < 0) m <<= BigInt(-s);
  else if (s > 0) m >>= BigInt(s);
  e += s;
  const lower = decimalOf(m - 1n, e);
  const upper = decimalOf(m + 1n, e);
  const inclusive = (m & 2n) === 0n;
  const at = (x: Dec, i: number): number => (i < x.mant.length ? x.mant.charCodeAt(i) - 48 : 0);
  for (let i = 0; i < d.mant.length; i++) {
    const dm = at(d, i);
    const l = at(lower, i);
    const u = at(upper, i);
    const okdown = l !== dm || (inclusive && i + 1 === lower.mant.length);
    const okup = dm !== u && (inclusive || dm + 1 < u || i + 1 < upper.mant.length);
    if (okdown && okup) return roundDec(d, i + 1);
    if (okdown) return roundDown(d, i + 1);
    if (okup) return roundUp(d, i + 1);
  }
  return d;
}

function roundDec(d: Dec, n: number): Dec {
  if (n < 0 || n >= d.mant.length) return d;
  const c = d.mant[n]!;
  const up =
    c === '5' && n + 1 === d.mant.length ? n > 0 && (d.mant.charCodeAt(n - 1) - 48) % 2 === 1 : c >= '5';
  return up ? roundUp(d, n) : roundDown(d, n);
}
function roundDown(d: Dec, n: number): Dec {
  if (n < 0 || n >= d.mant.length) return d;
  let end = n;
  while (end > 0 && d.mant.charCodeAt(end - 1) === 48) end--;
  const mant = d.mant.slice(0, end);
  return { mant, exp: mant === '' ? 0 : d.exp };
}
function roundUp(d: Dec, n: number): Dec {
  if (n < 0 || n >= d.mant.length) return d;
  let i = n;
  while (i > 0 && d.mant[i - 1] === '9') i--;
  if (i === 0) return { mant: '1', exp: d.exp + 1 };
  return { mant: d.mant.slice(0, i - 1) + String.fromCharCode(d.mant.charCodeAt(i - 1) + 1), exp: d.exp };
}

function formatF(d: Dec): string {
  let out = '';
  if (d.exp > 0) {
    const m = Math.min(d.mant.length, d.exp);
    out += d.mant.slice(0, m) + '0'.repeat(d.exp - m);
  } else out += '0';
  const prec = Math.max(d.mant.length - d.exp, 0);
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      const j = d.exp + i;
      out += j >= 0 && j < d.mant.length ? d.mant[j] : '0';
    }
  }
  return out;
}
