import type { Expr, TemplatePart } from '../hcl/ast.js';
import type { EvalContext } from './context.js';
import { ConversionError, convert } from './convert.js';
import { fail } from './errors.js';
import { BigNum } from './number.js';
import { BOOL, NUMBER, STRING, friendlyName } from './types.js';
import { type Value, UNKNOWN, unknownOf } from './value.js';

type Evaluate = (e: Expr, ctx: EvalContext) => Value;

/** Render template parts to a string value; unknown if any interpolated value is unknown. */
export function evalTemplate(parts: TemplatePart[], ctx: EvalContext, evaluate: Evaluate): Value {
  const st = { out: '', unknown: false, sens: false };
  render(parts, ctx, evaluate, st);
  if (st.unknown) return st.sens ? { ...unknownOf(STRING), sens: true } : unknownOf(STRING);
  return st.sens ? { t: STRING, v: st.out, sens: true } : { t: STRING, v: st.out };
}

function render(
  parts: TemplatePart[],
  ctx: EvalContext,
  evaluate: Evaluate,
  st: { out: string; unknown: boolean; sens: boolean },
): void {
  for (const p of parts) {
    switch (p.t) {
      case 'lit':
        st.out += p.value;
        break;
      case 'interp': {
        const v = evaluate(p.expr, ctx);
        if (v.sens) st.sens = true;
        if (v.v === null) {
          fail(
            'NSSV_CONFIG_NULL_VALUE',
            p.expr.range,
            'Invalid template interpolation value',
            'The expression result is null. Cannot include a null value in a string template.',
          );
        }
        if (v.v === UNKNOWN) {
          st.unknown = true;
          break;
        }
        try {
          st.out += convert(v, STRING).v as string;
        } catch (e) {
          if (e instanceof ConversionError)
            fail(
              'NSSV_CONFIG_INVALID_OPERAND',
              p.expr.range,
              'Invalid template interpolation value',
              `Cannot include the given value in a string template: string required, but a ${friendlyName(v.t)} was given.`,
            );
          throw e;
        }
        break;
      }
      case 'if': {
        const c = evaluate(p.cond, ctx);
        if (c.sens) st.sens = true;
        if (c.v === null)
          fail(
            'NSSV_CONFIG_NULL_VALUE',
            p.cond.range,
            'Invalid template if directive',
            'The condition is null.',
          );
        if (c.v === UNKNOWN) {
          st.unknown = true;
          break;
        }
        let b: Value;
        try {
          b = convert(c, BOOL);
        } catch {
          return fail(
            'NSSV_CONFIG_INVALID_OPERAND',
            p.cond.range,
            'Invalid template if directive',
            `The condition must be a bool, but a ${friendlyName(c.t)} was given.`,
          );
        }
        if (b.v) render(p.then, ctx, evaluate, st);
        else if (p.else) render(p.else, ctx, evaluate, st);
        break;
      }
      case 'for': {
        const coll = evaluate(p.coll, ctx);
        if (coll.sens) st.sens = true;
        if (coll.v === null)
          fail(
            'NSSV_CONFIG_NULL_VALUE',
            p.coll.range,
            'Invalid template for directive',
            'The collection is null.',
          );
        if (coll.v === UNKNOWN) {
          st.unknown = true;
          break;
        }
        const k = coll.t.k;
        let pairs: Array<[Value, Value]>;
        if (k === 'list' || k === 'tuple')
          pairs = (coll.v as Value[]).map((v, i) => [{ t: NUMBER, v: BigNum.fromInt(i) }, v]);
        else if (k === 'set') pairs = (coll.v as Value[]).map((v) => [v, v]);
        else if (k === 'map' || k === 'object')
          pairs = [...(coll.v as Map<string, Value>)].map(([key, v]) => [{ t: STRING, v: key }, v]);
        else
          return fail(
            'NSSV_CONFIG_INVALID_OPERAND',
            p.coll.range,
            'Invalid template for directive',
            `A ${friendlyName(coll.t)} cannot be iterated over.`,
          );
        for (const [kv, vv] of pairs) {
          const sym = new Map<string, Value>();
          if (p.keyVar !== undefined) sym.set(p.keyVar, kv);
          sym.set(p.valVar, vv);
          render(p.body, ctx.child(sym), evaluate, st);
        }
        break;
      }
    }
  }
}
