import type { SourceRange } from '../../core/diagnostic.js';
import type { Expr } from '../hcl/ast.js';
import { callFunction } from './call.js';
import type { EvalContext } from './context.js';
import { ConversionError, convert, unify } from './convert.js';
import { fail, suggestion } from './errors.js';
import { BigNum } from './number.js';
import { iterationPairs, iterationSymbols } from './iterate.js';
import { type OperandWords, operand } from './operand.js';
import { binaryOp, unaryOp } from './ops.js';
import { evalTemplate } from './template.js';
import { BOOL, DYNAMIC, NUMBER, STRING, friendlyName, listOf, tupleOf, mapOf } from './types.js';
import {
  type Value,
  DYNAMIC_UNKNOWN,
  NULL,
  TRUE,
  FALSE,
  UNKNOWN,
  isKnown,
  normalizeSet,
  object,
  sortedMap,
  tuple,
  unknownOf,
  withSens,
} from './value.js';

const numberCache = new WeakMap<Expr, Value>();

/** Evaluate an expression. Throws EvalError (with a diagnostic and range) for user errors. */
export function evaluate(e: Expr, ctx: EvalContext): Value {
  switch (e.t) {
    case 'number': {
      let v = numberCache.get(e);
      if (!v) {
        v = { t: NUMBER, v: BigNum.parse(e.text)! };
        numberCache.set(e, v);
      }
      return v;
    }
    case 'bool':
      return e.value ? TRUE : FALSE;
    case 'null':
      return NULL;
    case 'json':
      return fromJsonLiteral(e.value);
    case 'template':
      if (e.wrap && e.parts[0]!.t === 'interp') return evaluate(e.parts[0]!.expr, ctx);
      return evalTemplate(e.parts, ctx, evaluate);
    case 'paren':
      return evaluate(e.expr, ctx);
    case 'var':
      return evalVar(e.name, undefined, e.range, ctx).value;
    case 'anon':
      return ctx.symbol('\u0000anon') ?? NULL;
    case 'getattr': {
      if (e.obj.t === 'var' && ctx.symbol(e.obj.name) === undefined) {
        const r = evalVar(e.obj.name, { name: e.name, range: e.nameRange }, e.range, ctx);
        if (r.consumed) return r.value;
        return getAttr(r.value, e.name, e.nameRange);
      }
      return getAttr(evaluate(e.obj, ctx), e.name, e.nameRange);
    }
    case 'index':
      return index(evaluate(e.obj, ctx), evaluate(e.key, ctx), e.key.range);
    case 'splat':
      return splat(e, ctx);
    case 'call':
      return callFunction(e, ctx, evaluate);
    case 'cond':
      return conditional(e, ctx);
    case 'binary': {
      const l = evaluate(e.left, ctx);
      // && and || in Terraform evaluate both sides (no short-circuit)
      const r = evaluate(e.right, ctx);
      return binaryOp(e.op, l, r, e.left.range, e.right.range);
    }
    case 'unary':
      return unaryOp(e.op, evaluate(e.operand, ctx), e.operand.range);
    case 'tuple':
      return tuple(e.items.map((i) => evaluate(i, ctx)));
    case 'object':
      return objectCons(e, ctx);
    case 'for':
      return forExpr(e, ctx);
  }
}

function evalVar(
  name: string,
  attr: { name: string; range: SourceRange } | undefined,
  range: SourceRange,
  ctx: EvalContext,
): { value: Value; consumed: boolean } {
  const local = ctx.symbol(name);
  if (local !== undefined) return { value: local, consumed: false };
  return ctx.resolver.resolve(name, attr, range);
}

export function fromJsonLiteral(v: unknown): Value {
  if (v === null) return NULL;
  if (typeof v === 'boolean') return v ? TRUE : FALSE;
  if (typeof v === 'number') return { t: NUMBER, v: BigNum.parse(String(v))! };
  if (typeof v === 'string') return { t: STRING, v };
  if (Array.isArray(v)) return tuple(v.map(fromJsonLiteral));
  return object(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromJsonLiteral(x)]));
}

export function getAttr(v: Value, name: string, range: SourceRange): Value {
  if (v.v === null)
    fail(
      'NSSV_CONFIG_NULL_VALUE',
      range,
      'Attempt to get attribute from null value',
      `This value is null, so it does not have any attributes (wanted "${name}"). Check that the value is set, or guard with a conditional.`,
    );
  const t = v.t;
  if (t.k === 'dynamic') return withSens(DYNAMIC_UNKNOWN, v.sens);
  if (t.k === 'object') {
    const at = t.attrs.get(name);
    if (!at) {
      fail(
        'NSSV_CONFIG_UNSUPPORTED_ATTRIBUTE',
        range,
        'Unsupported attribute',
        `This object does not have an attribute named "${name}".${suggestion(name, t.attrs.keys())}`,
      );
    }
    if (v.v === UNKNOWN) return withSens(unknownOf(at), v.sens);
    return withSens((v.v as Map<string, Value>).get(name)!, v.sens);
  }
  if (t.k === 'map') {
    if (v.v === UNKNOWN) return withSens(unknownOf(t.e), v.sens);
    const e = (v.v as Map<string, Value>).get(name);
    if (!e)
      fail(
        'NSSV_CONFIG_INVALID_INDEX',
        range,
        'Missing map element',
        `This map does not have an element with the key "${name}".${suggestion(name, (v.v as Map<string, Value>).keys())}`,
      );
    return withSens(e, v.sens);
  }
  return fail(
    'NSSV_CONFIG_UNSUPPORTED_ATTRIBUTE',
    range,
    'Unsupported attribute',
    `Can't access attributes on a ${friendlyName(t)}. Did you mean to access an element by index, like [0]?`,
  );
}

/** An index key converted to what the collection needs; `required` says what that is. */
function indexKey(
  key: Value,
  type: typeof NUMBER | typeof STRING,
  range: SourceRange,
  required: string,
): Value {
  try {
    return convert(key, type);
  } catch (err) {
    if (err instanceof ConversionError)
      fail(
        'NSSV_CONFIG_INVALID_INDEX',
        range,
        'Invalid index',
        `The given key does not identify an element in this collection value: ${required}.`,
      );
    throw err;
  }
}

export function index(coll: Value, key: Value, range: SourceRange): Value {
  const sens = coll.sens || key.sens;
  if (coll.v === null)
    fail(
      'NSSV_CONFIG_INVALID_INDEX',
      range,
      'Invalid index',
      "Can't use a null value as an indexed collection.",
    );
  if (key.v === null)
    fail('NSSV_CONFIG_INVALID_INDEX', range, 'Invalid index', "Can't use a null value as a key.");
  const t = coll.t;
  if (t.k === 'dynamic') return withSens(DYNAMIC_UNKNOWN, sens);
  if (t.k === 'list' || t.k === 'tuple') {
    const k = indexKey(key, NUMBER, range, 'a number is required');
    if (coll.v === UNKNOWN || k.v === UNKNOWN)
      return withSens(unknownOf(t.k === 'list' ? t.e : DYNAMIC), sens);
    const n = k.v as BigNum;
    const items = coll.v as Value[];
    if (!n.isInteger())
      fail(
        'NSSV_CONFIG_INVALID_INDEX',
        range,
        'Invalid index',
        'The given key does not identify an element in this collection value: indexing a sequence requires a whole number.',
      );
    const i = Number(n.toBigInt());
    if (i < 0 || i >= items.length) {
      fail(
        'NSSV_CONFIG_INVALID_INDEX',
        range,
        'Invalid index',
        `The given key does not identify an element in this collection value: the collection has ${items.length} element${items.length === 1 ? '' : 's'}, so the index must be between 0 and ${items.length - 1}; ${n.toString()} was given.`,
      );
    }
    return withSens(items[i]!, sens);
  }
  if (t.k === 'map' || t.k === 'object') {
    const k = indexKey(key, STRING, range, 'string required');
    if (coll.v === UNKNOWN || k.v === UNKNOWN)
      return withSens(unknownOf(t.k === 'map' ? t.e : DYNAMIC), sens);
    const e = (coll.v as Map<string, Value>).get(k.v as string);
    if (!e) {
      fail(
        'NSSV_CONFIG_INVALID_INDEX',
        range,
        'Invalid index',
        `The given key does not identify an element in this collection value: no element with key ${JSON.stringify(k.v)}.${suggestion(k.v as string, (coll.v as Map<string, Value>).keys())}`,
      );
    }
    return withSens(e, sens);
  }
  if (t.k === 'set') {
    fail(
      'NSSV_CONFIG_INVALID_INDEX',
      range,
      'Invalid index',
      "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set. Convert it with tolist() first.",
    );
  }
  return fail(
    'NSSV_CONFIG_INVALID_INDEX',
    range,
    'Invalid index',
    `This value does not have any indices: it is a ${friendlyName(t)}.`,
  );
}

function splat(e: Expr & { t: 'splat' }, ctx: EvalContext): Value {
  const src = evaluate(e.obj, ctx);
  if (src.v === null) return tuple([]);
  if (src.v === UNKNOWN) return withSens(DYNAMIC_UNKNOWN, src.sens);
  const k = src.t.k;
  const isSeq = k === 'list' || k === 'set' || k === 'tuple';
  const items = isSeq ? (src.v as Value[]) : [src];
  const out = items.map((it) => evaluate(e.each, ctx.child(new Map([['\u0000anon', it]]))));
  if (!isSeq) return withSens(tuple(out), src.sens);
  if (k === 'tuple') return withSens(tuple(out), src.sens);
  const et = out.length
    ? unify(out.map((o) => o.t))
    : e.each.t === 'anon'
      ? (src.t as { e: import('./types.js').Type }).e
      : DYNAMIC;
  if (!et) return withSens(tuple(out), src.sens);
  return withSens({ t: listOf(et), v: out.map((o) => convert(o, et)) }, src.sens);
}

function conditional(e: Expr & { t: 'cond' }, ctx: EvalContext): Value {
  const c = evaluate(e.cond, ctx);
  if (c.v === null)
    fail(
      'NSSV_CONFIG_NULL_VALUE',
      e.cond.range,
      'Null condition',
      'The condition value is null. Conditions must either be true or false.',
    );
  let cb: Value;
  try {
    cb = convert(c, BOOL);
  } catch (err) {
    if (err instanceof ConversionError)
      fail(
        'NSSV_CONFIG_INVALID_OPERAND',
        e.cond.range,
        'Incorrect condition type',
        `The condition expression must be of type bool, but a ${friendlyName(c.t)} was given.`,
      );
    throw err;
  }
  const a = evaluate(e.then, ctx);
  const b = evaluate(e.else, ctx);
  const ut = unify([a.t, b.t]);
  if (!ut) {
    fail(
      'NSSV_CONFIG_INCONSISTENT_TYPES',
      e.range,
      'Inconsistent conditional result types',
      `The true and false result expressions must have consistent types: the true result is a ${friendlyName(a.t)} and the false result is a ${friendlyName(b.t)}. Convert one of them so both have the same type.`,
    );
  }
  if (cb.v === UNKNOWN) return withSens(unknownOf(ut), c.sens);
  const chosen = cb.v ? a : b;
  const conv = ut.k === 'dynamic' ? chosen : convert(chosen, ut);
  return withSens(conv, c.sens);
}

const OBJECT_KEY: OperandWords = {
  nullSummary: 'Invalid object key',
  nullDetail: 'Key expression in object constructor must not be null.',
  typeSummary: 'Incorrect key type',
  typeDetail: (given) => `Can't use this value as a key: string required, but a ${given} was given.`,
};

const FOR_CONDITION: OperandWords = {
  nullSummary: 'Condition is null',
  nullDetail: 'The value of the if clause must not be null.',
  typeSummary: 'Invalid for expression condition',
  typeDetail: (given) => `The value of the if clause must be a bool, but a ${given} was given.`,
};

const FOR_KEY: OperandWords = {
  nullSummary: 'Invalid object key',
  nullDetail: 'Key expression in for expression must not be null.',
  typeSummary: 'Invalid object key',
  typeDetail: (given) => `Key expression in for expression must be a string, but a ${given} was given.`,
};

function objectCons(e: Expr & { t: 'object' }, ctx: EvalContext): Value {
  const entries = new Map<string, Value>();
  let unknownKey = false;
  let sensKey = false;
  for (const item of e.items) {
    let key: string;
    if (item.keyIsIdent && item.key.t === 'var') key = item.key.name;
    else {
      const k = evaluate(item.key, ctx);
      const ks = operand(k, STRING, item.key.range, OBJECT_KEY);
      if (!ks) {
        unknownKey = true;
        continue;
      }
      if (k.sens) sensKey = true;
      key = ks.v as string;
    }
    const v = evaluate(item.value, ctx);
    if (entries.has(key)) {
      fail(
        'NSSV_CONFIG_DUPLICATE_KEY',
        item.key.range,
        'Duplicate object attribute',
        `An attribute named "${key}" was already defined in this object. Remove one of the two definitions.`,
      );
    }
    entries.set(key, v);
  }
  if (unknownKey) return DYNAMIC_UNKNOWN;
  const o = object(entries);
  return sensKey ? { ...o, sens: true } : o;
}

function forExpr(e: Expr & { t: 'for' }, ctx: EvalContext): Value {
  const coll = evaluate(e.coll, ctx);
  if (coll.v === null)
    fail(
      'NSSV_CONFIG_NULL_VALUE',
      e.coll.range,
      'Iteration over null value',
      'A null value cannot be used as the collection in a for expression.',
    );
  if (coll.v === UNKNOWN) return withSens(DYNAMIC_UNKNOWN, coll.sens);
  const pairs = iterationPairs(coll);
  if (!pairs)
    return fail(
      'NSSV_CONFIG_INVALID_OPERAND',
      e.coll.range,
      'Iteration over non-iterable value',
      `A value of type ${friendlyName(coll.t)} cannot be used as the collection in a for expression.`,
    );
  const sens = coll.sens;
  const listOut: Value[] = [];
  const objOut = new Map<string, Value[] | Value>();
  let unknown = false;
  for (const [kv, vv] of pairs) {
    const c = ctx.child(iterationSymbols(e.keyVar, e.valVar, withSens(kv, sens), withSens(vv, sens)));
    if (e.cond) {
      const cb = operand(evaluate(e.cond, c), BOOL, e.cond.range, FOR_CONDITION);
      if (!cb) {
        unknown = true;
        continue;
      }
      if (!cb.v) continue;
    }
    if (!e.key) {
      listOut.push(evaluate(e.value, c));
      continue;
    }
    const ks = operand(evaluate(e.key, c), STRING, e.key.range, FOR_KEY);
    if (!ks) {
      unknown = true;
      continue;
    }
    const val = evaluate(e.value, c);
    const name = ks.v as string;
    if (e.group) {
      const arr = (objOut.get(name) as Value[] | undefined) ?? [];
      arr.push(val);
      objOut.set(name, arr);
    } else {
      if (objOut.has(name)) {
        fail(
          'NSSV_CONFIG_DUPLICATE_KEY',
          e.key.range,
          'Duplicate object key',
          `Two different items produced the key ${JSON.stringify(name)} in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`,
        );
      }
      objOut.set(name, val);
    }
  }
  if (unknown) return withSens(DYNAMIC_UNKNOWN, sens);
  if (!e.key) return withSens(tuple(listOut), sens);
  const entries: Array<[string, Value]> = [];
  for (const [name, v] of objOut) entries.push([name, e.group ? tuple(v as Value[]) : (v as Value)]);
  return withSens(object(entries), sens);
}

export { isKnown, normalizeSet, sortedMap, mapOf, tupleOf };
