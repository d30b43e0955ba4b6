import type { Expr, TemplatePart } from '../hcl/ast.js';
import type { EvalContext } from './context.js';
import { type OperandWords, operand } from './operand.js';
import { fail } from './errors.js';
import { iterationPairs, iterationSymbols } from './iterate.js';
import { BOOL, STRING, friendlyName } from './types.js';
import { type Value, UNKNOWN, unknownOf } from './value.js';

type Evaluate = (e: Expr, ctx: EvalContext) => Value;

/** Render template parts to a string value; unknown if any interpolated value is unknown. */
export function evalTemplate(parts: TemplatePart[], ctx: EvalContext, evaluate: Evaluate): Value {
  const st = { out: '', unknown: false, sens: false };
  render(parts, ctx, evaluate, st);
  if (st.unknown) return st.sens ? { ...unknownOf(STRING), sens: true } : unknownOf(STRING);
  return st.sens ? { t: STRING, v: st.out, sens: true } : { t: STRING, v: st.out };
}

const INTERPOLATION: OperandWords = {
  nullSummary: 'Invalid template interpolation value',
  nullDetail: 'The expression result is null. Cannot include a null value in a string template.',
  typeSummary: 'Invalid template interpolation value',
  typeDetail: (given) =>
    `Cannot include the given value in a string template: string required, but a ${given} was given.`,
};

const IF_CONDITION: OperandWords = {
  nullSummary: 'Invalid template if directive',
  nullDetail: 'The condition is null.',
  typeSummary: 'Invalid template if directive',
  typeDetail: (given) => `The condition must be a bool, but a ${given} was given.`,
};

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
        const s = operand(v, STRING, p.expr.range, INTERPOLATION);
        if (s) st.out += s.v as string;
        else st.unknown = true;
        break;
      }
      case 'if': {
        const c = evaluate(p.cond, ctx);
        if (c.sens) st.sens = true;
        const b = operand(c, BOOL, p.cond.range, IF_CONDITION);
        if (!b) st.unknown = true;
        else if (b.v) render(p.then, ctx, evaluate, st);
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
        const pairs = iterationPairs(coll);
        if (!pairs)
          return fail(
            'NSSV_CONFIG_INVALID_OPERAND',
            p.coll.range,
            'Invalid template for directive',
            `A ${friendlyName(coll.t)} cannot be iterated over.`,
          );
        for (const [kv, vv] of pairs)
          render(p.body, ctx.child(iterationSymbols(p.keyVar, p.valVar, kv, vv)), evaluate, st);
        break;
      }
    }
  }
}
