import type { Expr } from '../../hcl/ast.js';
import { ConversionError, convert } from '../convert.js';
import { EvalError } from '../errors.js';
import { BOOL, DYNAMIC, NUMBER, STRING, type Type, listOf, mapOf, setOf } from '../types.js';
import { DYNAMIC_UNKNOWN, UNKNOWN, bool, deepUnmark, isWhollyKnown, sensitive, unknownOf } from '../value.js';
import { def, p, type FunctionTable } from './registry.js';

function converter(want: Type, what: string) {
  return def([p('v', DYNAMIC, { allowNull: true, allowMarked: true, allowUnknown: true })], ([v]) => {
    try {
      return convert(v!, want);
    } catch (e) {
      if (e instanceof ConversionError) {
        if (want.k === 'number' && v!.t.k === 'string')
          throw new Error(
            `cannot convert ${JSON.stringify(v!.v)} to number; given string must be a decimal representation of a number`,
          );
        if (want.k === 'bool' && v!.t.k === 'string')
          throw new Error(
            `cannot convert ${JSON.stringify(v!.v)} to bool; only the strings "true" or "false" are allowed`,
          );
        throw new Error(`cannot convert ${describe(v!.t)} to ${what}`);
      }
      throw e;
    }
  });
}
function describe(t: Type): string {
  return t.k === 'tuple' ? 'tuple' : t.k === 'object' ? 'object' : t.k;
}

/** Type conversion functions, try/can, sensitive/nonsensitive. */
export function conversionFunctions(): FunctionTable {
  const t: FunctionTable = new Map();
  t.set('tostring', converter(STRING, 'string'));
  t.set('tonumber', converter(NUMBER, 'number'));
  t.set('tobool', converter(BOOL, 'bool'));
  t.set('tolist', converter(listOf(DYNAMIC), 'list'));
  t.set('toset', converter(setOf(DYNAMIC), 'set'));
  t.set('tomap', converter(mapOf(DYNAMIC), 'map'));
  t.set(
    'sensitive',
    def([p('value', DYNAMIC, { allowNull: true, allowUnknown: true, allowMarked: true })], ([v]) =>
      sensitive(v!),
    ),
  );
  t.set('nonsensitive', {
    ...def([p('value', DYNAMIC, { allowNull: true, allowUnknown: true, allowMarked: true })], ([v]) =>
      deepUnmark(v!),
    ),
    handlesMarks: true,
  });
  t.set('issensitive', {
    ...def([p('value', DYNAMIC, { allowNull: true, allowUnknown: true, allowMarked: true })], ([v]) =>
      bool(!!v!.sens),
    ),
    handlesMarks: true,
  });
  t.set('try', {
    params: [],
    variadic: p('expressions', DYNAMIC),
    lazy: true,
    impl: (args, ctx) => {
      if (args.length === 0) throw new Error('at least one argument is required');
      let last: EvalError | undefined;
      for (const a of args) {
        try {
          const v = ctx.evalArg(a.v as unknown as Expr);
          if (!isWhollyKnown(v) && v.v === UNKNOWN) return DYNAMIC_UNKNOWN;
          return v;
        } catch (e) {
          if (!(e instanceof EvalError)) throw e;
          last = e;
        }
      }
      throw new EvalError({
        ...last!.diagnostic,
        summary: 'Error in function call',
        detail: `Call to function "try" failed: no expression succeeded:\n- ${last!.diagnostic.summary}\n  ${last!.diagnostic.detail ?? ''}\n\nAt least one expression must produce a successful result.`,
        range: ctx.range,
      });
    },
  });
  t.set('can', {
    params: [p('expression', DYNAMIC)],
    lazy: true,
    impl: (args, ctx) => {
      try {
        const v = ctx.evalArg(args[0]!.v as unknown as Expr);
        if (v.v === UNKNOWN) return unknownOf(BOOL);
        return bool(true);
      } catch (e) {
        if (!(e instanceof EvalError)) throw e;
        return bool(false);
      }
    },
  });
  return t;
}
