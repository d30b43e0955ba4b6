import { convert } from '../convert.js';
import { BigNum } from '../number.js';
import { BOOL, NUMBER, STRING } from '../types.js';
import type { Value } from '../value.js';
import { jsonEncode } from './json-encode.js';
import { goQuote } from '../console.js';

/** Terraform's format(): Go fmt verbs over Terraform values. */
export function formatValue(fmt: string, args: Value[]): string {
  let out = '';
  let argi = 0;
  let reordered = false;
  const chars = [...fmt];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    if (chars[i] === '%') {
      out += '%';
      i++;
      continue;
    }
    const flags = { minus: false, plus: false, sharp: false, zero: false, space: false };
    for (;;) {
      const f = chars[i];
      if (f === '-') flags.minus = true;
      else if (f === '+') flags.plus = true;
      else if (f === '#') flags.sharp = true;
      else if (f === '0') flags.zero = true;
      else if (f === ' ') flags.space = true;
      else break;
      i++;
    }
    if (chars[i] === '[') {
      let j = i + 1;
      let num = '';
      while (j < chars.length && /[0-9]/.test(chars[j]!)) num += chars[j++];
      if (chars[j] !== ']' || num === '') throw new Error('unrecognized format verb');
      argi = parseInt(num, 10) - 1;
      reordered = true;
      i = j + 1;
    }
    let width: number | undefined;
    let w = '';
    while (i < chars.length && /[0-9]/.test(chars[i]!)) w += chars[i++];
    if (w) width = parseInt(w, 10);
    let prec: number | undefined;
    if (chars[i] === '.') {
      i++;
      let pr = '';
      while (i < chars.length && /[0-9]/.test(chars[i]!)) pr += chars[i++];
      prec = pr ? parseInt(pr, 10) : 0;
    }
    const verb = chars[i++];
    if (verb === undefined) throw new Error('format string ends with an incomplete verb');
    if (argi >= args.length)
      throw new Error(
        `not enough arguments for "%${verb}" at ${i - 1}: need index ${argi + 1} but have ${args.length} total`,
      );
    const arg = args[argi++]!;
    let text = formatOne(verb, arg, flags, prec);
    if (width !== undefined) {
      const len = [...text].length;
      if (len < width) {
        const pad = width - len;
        if (flags.minus) text += ' '.repeat(pad);
        else if (flags.zero && 'dfeEgGxXob'.includes(verb)) {
          const sign = /^[+-]/.test(text) ? text[0]! : '';
          text = sign + '0'.repeat(pad) + text.slice(sign.length);
        } else text = ' '.repeat(pad) + text;
      }
    }
    out += text;
  }
  if (!reordered && argi < args.length)
    throw new Error(`too many arguments; no verbs for argument ${argi + 1}`);
  return out;
}

function formatOne(
  verb: string,
  arg: Value,
  flags: { plus: boolean; sharp: boolean; space: boolean },
  prec: number | undefined,
): string {
  if (arg.v === null) {
    if (verb === 'v') return 'null';
    throw new Error(`unsupported value for "%${verb}": null value cannot be formatted`);
  }
  const sign = (text: string): string =>
    text.startsWith('-') ? text : flags.plus ? '+' + text : flags.space ? ' ' + text : text;
  switch (verb) {
    case 'v':
      if (flags.sharp) return jsonEncode(arg);
      if (arg.t.k === 'string') return arg.v as string;
      if (arg.t.k === 'number' || arg.t.k === 'bool') return convert(arg, STRING).v as string;
      return jsonEncode(arg);
    case 's':
      return truncate(asString(arg, verb), prec);
    case 'q':
      return goQuote(asString(arg, verb));
    case 't':
      return (convertOr(arg, BOOL, verb).v as boolean) ? 'true' : 'false';
    case 'd': {
      const n = convertOr(arg, NUMBER, verb).v as BigNum;
      if (!n.isInteger()) throw new Error(`unsupported value for "%d": value must be a whole number`);
      return sign(n.toBigInt().toString());
    }
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      if (arg.t.k === 'string' && (verb === 'x' || verb === 'X')) {
        const hex = Buffer.from(arg.v as string, 'utf8').toString('hex');
        return verb === 'X' ? hex.toUpperCase() : hex;
      }
      const n = convertOr(arg, NUMBER, verb).v as BigNum;
      if (!n.isInteger()) throw new Error(`unsupported value for "%${verb}": value must be a whole number`);
      const bi = n.toBigInt();
      const base = verb === 'o' ? 8 : verb === 'b' ? 2 : 16;
      let t = (bi < 0n ? -bi : bi).toString(base);
      if (verb === 'X') t = t.toUpperCase();
      return sign((bi < 0n ? '-' : '') + t);
    }
    case 'f':
    case 'F':
      return sign(toFixed(convertOr(arg, NUMBER, verb).v as BigNum, prec ?? 6));
    case 'e':
    case 'E': {
      const f = (convertOr(arg, NUMBER, verb).v as BigNum).toFloat64();
      let t = f.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      if (verb === 'E') t = t.toUpperCase();
      return sign(t);
    }
    case 'g':
    case 'G': {
      const f = (convertOr(arg, NUMBER, verb).v as BigNum).toFloat64();
      let t = prec === undefined ? String(f) : f.toPrecision(prec);
      t = t.replace(/e([+-])(\d)$/, 'e$10$2');
      if (verb === 'G') t = t.toUpperCase();
      return sign(t);
    }
    default:
      throw new Error(`unsupported format verb %${verb}`);
  }
}

function truncate(s: string, prec: number | undefined): string {
  return prec === undefined ? s : [...s].slice(0, prec).join('');
}
function asString(arg: Value, verb: string): string {
  return convertOr(arg, STRING, verb).v as string;
}
function convertOr(arg: Value, t: typeof STRING, verb: string): Value {
  try {
    return convert(arg, t);
  } catch {
    throw new Error(`unsupported value for "%${verb}": ${t.k} required`);
  }
}

/** Exact decimal with `prec` fraction digits, rounding half to even (like big.Float Text('f', prec)). */
export function toFixed(n: BigNum, prec: number): string {
  if (n.inf) return n.neg ? '-Inf' : '+Inf';
  // value = mant * 2^exp ; scale by 10^prec and round
  const scale = 10n ** BigInt(prec);
  let num = n.mant * scale;
  let den = 1n;
  if (n.exp >= 0) num <<= BigInt(n.exp);
  else den <<= BigInt(-n.exp);
  let q = num / den;
  const r = num % den;
  if (r * 2n > den || (r * 2n === den && (q & 1n) === 1n)) q += 1n;
  let digits = q.toString().padStart(prec + 1, '0');
  if (prec > 0) digits = digits.slice(0, digits.length - prec) + '.' + digits.slice(digits.length - prec);
  return (n.neg ? '-' : '') + digits;
}
