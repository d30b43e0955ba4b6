import type { SourceRange } from '../../core/diagnostic.js';
import type { BinaryOp } from '../hcl/ast.js';
import { ConversionError, convert } from './convert.js';
import { fail } from './errors.js';
import { BigNum } from './number.js';
import { BOOL, NUMBER, friendlyName } from './types.js';
import { type Value, UNKNOWN, bool, compareStrings, isWhollyKnown, unknownOf } from './value.js';

const CODE = 'NSSV_CONFIG_INVALID_OPERAND';

function operand(v: Value, want: typeof NUMBER, range: SourceRange, op: string): Value {
  if (v.v === null) {
    fail(
      CODE,
      range,
      'Invalid operand',
      `Unsuitable value for ${side(op)} operand: a ${want.k} is required, but the value is null. Give a ${want.k}.`,
    );
  }
  try {
    return convert(v, want);
  } catch (e) {
    if (e instanceof ConversionError)
      fail(
        CODE,
        range,
        'Invalid operand',
        `Unsuitable value for ${side(op)} operand: ${e.describe()}. The value given is of type ${friendlyName(v.t)}.`,
      );
    throw e;
  }
}
function side(op: string): string {
  return op === '!' || op === 'neg' ? 'unary' : op.startsWith('L') ? 'left' : 'right';
}

export function binaryOp(op: BinaryOp, l: Value, r: Value, lr: SourceRange, rr: SourceRange): Value {
  const sens = l.sens || r.sens;
  const mark = (v: Value): Value => (sens ? { ...v, sens: true } : v);
  if (op === '==' || op === '!=') {
    const eq = valuesEqual(l, r);
    if (eq === undefined) return mark(unknownOf(BOOL));
    return mark(bool(op === '==' ? eq : !eq));
  }
  if (op === '&&' || op === '||') {
    const a = operand(l, BOOL, lr, 'L' + op);
    const b = operand(r, BOOL, rr, 'R' + op);
    if (a.v === UNKNOWN || b.v === UNKNOWN) {
      // short-circuit on known values as Terraform does
      if (op === '&&' && (a.v === false || b.v === false)) return mark(bool(false));
      if (op === '||' && (a.v === true || b.v === true)) return mark(bool(true));
      return mark(unknownOf(BOOL));
    }
    return mark(
      bool(op === '&&' ? (a.v as boolean) && (b.v as boolean) : (a.v as boolean) || (b.v as boolean)),
    );
  }
  const a = operand(l, NUMBER, lr, 'L' + op);
  const b = operand(r, NUMBER, rr, 'R' + op);
  const isCmp = op === '<' || op === '>' || op === '<=' || op === '>=';
  if (a.v === UNKNOWN || b.v === UNKNOWN) return mark(unknownOf(isCmp ? BOOL : NUMBER));
  const x = a.v as BigNum;
  const y = b.v as BigNum;
  try {
    switch (op) {
      case '+':
        return mark({ t: NUMBER, v: x.add(y) });
      case '-':
        return mark({ t: NUMBER, v: x.sub(y) });
      case '*':
        return mark({ t: NUMBER, v: x.mul(y) });
      case '/':
        if (y.isZero)
          fail(
            'NSSV_CONFIG_DIVIDE_BY_ZERO',
            rr,
            'Error in function call',
            'Call to function "/" failed: can\'t divide by zero.',
          );
        return mark({ t: NUMBER, v: x.div(y) });
      case '%':
        return mark({ t: NUMBER, v: modulo(x, y) });
      case '<':
        return mark(bool(x.cmp(y) < 0));
      case '>':
        return mark(bool(x.cmp(y) > 0));
      case '<=':
        return mark(bool(x.cmp(y) <= 0));
      case '>=':
        return mark(bool(x.cmp(y) >= 0));
    }
  } catch (e) {
    if (e instanceof RangeError)
      fail(CODE, lr, 'Invalid operation', `The arithmetic operation has no defined result (${e.message}).`);
    throw e;
  }
  return fail(CODE, lr, 'Invalid operator', `Unknown operator ${op}.`);
}

/** cty's modulo: a - b * trunc(a / b); x % 0 is x. */
export function modulo(x: BigNum, y: BigNum): BigNum {
  if (x.inf || y.inf) return x.mul(y);
  if (y.isZero) return x;
  const q = x.div(y);
  const t = BigNum.fromBigInt(q.toBigInt(), q.prec);
  return x.sub(y.mul(t));
}

export function unaryOp(op: '!' | '-', v: Value, range: SourceRange): Value {
  if (op === '!') {
    const b = operand(v, BOOL, range, '!');
    if (b.v === UNKNOWN) return b;
    return v.sens ? { ...bool(!b.v), sens: true } : bool(!b.v);
  }
  const n = operand(v, NUMBER, range, 'neg');
  if (n.v === UNKNOWN) return n;
  return { t: NUMBER, v: (n.v as BigNum).neg_(), ...(v.sens ? { sens: true } : {}) };
}

/** Terraform equality; undefined when unknown. Values of different types are unequal (numbers compare by value). */
export function valuesEqual(a: Value, b: Value): boolean | undefined {
  if (a.v === UNKNOWN || b.v === UNKNOWN) {
    if (a.v === null || b.v === null) return a.v === null && b.v === null ? true : undefined;
    return undefined;
  }
  if (a.v === null || b.v === null) return a.v === null && b.v === null;
  const ka = a.t.k;
  const kb = b.t.k;
  const seqA = ka === 'list' || ka === 'tuple';
  const seqB = kb === 'list' || kb === 'tuple';
  const mapA = ka === 'map' || ka === 'object';
  const mapB = kb === 'map' || kb === 'object';
  if (ka !== kb && !(seqA && seqB && ka === kb) && !(mapA && mapB && ka === kb)) {
    if (!isWhollyKnown(a) || !isWhollyKnown(b)) return undefined;
    return false;
  }
  if (a.v instanceof BigNum) return a.v.eq(b.v as BigNum);
  if (typeof a.v === 'string') return compareStrings(a.v, b.v as string) === 0;
  if (typeof a.v === 'boolean') return a.v === b.v;
  if (Array.isArray(a.v)) {
    const bv = b.v as Value[];
    if (a.v.length !== bv.length) return false;
    let unknown = false;
    for (let i = 0; i < a.v.length; i++) {
      const e = valuesEqual(a.v[i]!, bv[i]!);
      if (e === false) return false;
      if (e === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  }
  const am = a.v as Map<string, Value>;
  const bm = b.v as Map<string, Value>;
  if (am.size !== bm.size) return false;
  let unknown = false;
  for (const [k, e] of am) {
    const o = bm.get(k);
    if (!o) return false;
    const r = valuesEqual(e, o);
    if (r === false) return false;
    if (r === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}
