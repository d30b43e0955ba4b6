import type { Expr } from '../hcl/ast.js';
import type { EvalContext, FunctionCallContext, ParamSpec } from './context.js';
import { ConversionError, convert } from './convert.js';
import { EvalError, fail, suggestion } from './errors.js';
import { friendlyName } from './types.js';
import { type Value, DYNAMIC_UNKNOWN, UNKNOWN, containsSensitive, deepUnmark } from './value.js';

type Evaluate = (e: Expr, ctx: EvalContext) => Value;

/** Call a built-in function with Terraform's argument checking, conversion, unknown and sensitive handling. */
export function callFunction(e: Expr & { t: 'call' }, ctx: EvalContext, evaluate: Evaluate): Value {
  const fn = ctx.functions.get(e.name);
  if (!fn) {
    fail(
      'NSSV_CONFIG_UNKNOWN_FUNCTION',
      e.nameRange,
      'Call to unknown function',
      `There is no function named "${e.name}".${suggestion(e.name, ctx.functions.keys())}`,
    );
  }
  const fctx: FunctionCallContext = {
    baseDir: ctx.baseDir,
    range: e.range,
    argRanges: e.args.map((a) => a.range),
    evalArg: (a) => evaluate(a, ctx),
  };
  if (fn.lazy)
    return fn.impl(
      e.args.map((a) => ({ t: { k: 'dynamic' }, v: a as unknown as null })),
      fctx,
    );
  let args = e.args.map((a) => evaluate(a, ctx));
  if (e.expand) {
    const last = args[args.length - 1]!;
    if (last.v === UNKNOWN) return DYNAMIC_UNKNOWN;
    const k = last.t.k;
    if (last.v === null || !(k === 'list' || k === 'tuple' || k === 'set')) {
      fail(
        'NSSV_CONFIG_INVALID_FUNCTION_ARGUMENT',
        e.args[e.args.length - 1]!.range,
        'Invalid expanding argument value',
        'The expanding argument (indicated by ...) must be of a tuple, list, or set type.',
      );
    }
    const lastRange = fctx.argRanges[fctx.argRanges.length - 1]!;
    args = [...args.slice(0, -1), ...(last.v as Value[])];
    fctx.argRanges = [...fctx.argRanges.slice(0, -1), ...(last.v as Value[]).map(() => lastRange)];
  }
  const nParams = fn.params.length;
  if (args.length < nParams) {
    const missing = fn.params[args.length]!;
    fail(
      'NSSV_CONFIG_INVALID_FUNCTION_ARGUMENT',
      e.range,
      'Not enough function arguments',
      `Function "${e.name}" expects ${nParams}${fn.variadic ? ' or more' : ''} argument(s). Missing value for "${missing.name}".`,
    );
  }
  if (args.length > nParams && !fn.variadic) {
    fail(
      'NSSV_CONFIG_INVALID_FUNCTION_ARGUMENT',
      fctx.argRanges[nParams] ?? e.range,
      'Too many function arguments',
      `Function "${e.name}" expects only ${nParams} argument(s).`,
    );
  }
  let sens = false;
  let unknown = false;
  const conv: Value[] = [];
  for (let i = 0; i < args.length; i++) {
    const spec: ParamSpec = i < nParams ? fn.params[i]! : fn.variadic!;
    let a = args[i]!;
    const range = fctx.argRanges[i] ?? e.range;
    if (spec.allowMarked) {
      if (a.sens) sens = true;
    } else if (containsSensitive(a)) {
      sens = true;
      a = deepUnmark(a);
    }
    if (a.v === null && !spec.allowNull) {
      fail(
        'NSSV_CONFIG_INVALID_FUNCTION_ARGUMENT',
        range,
        'Invalid function argument',
        `Invalid value for "${spec.name}" parameter: argument must not be null.`,
      );
    }
    try {
      a = convert(a, spec.type);
    } catch (err) {
      if (err instanceof ConversionError)
        fail(
          'NSSV_CONFIG_INVALID_FUNCTION_ARGUMENT',
          range,
          'Invalid function argument',
          `Invalid value for "${spec.name}" parameter: ${err.describe()}.`,
        );
      throw err;
    }
    if (a.v === UNKNOWN && !spec.allowUnknown) unknown = true;
    conv.push(a);
  }
  if (unknown) return sens ? { ...DYNAMIC_UNKNOWN, sens: true } : DYNAMIC_UNKNOWN;
  let result: Value;
  try {
    result = fn.impl(conv, fctx);
  } catch (err) {
    if (err instanceof EvalError || !(err instanceof Error)) throw err;
    const msg = err.message;
    return fail(
      'NSSV_CONFIG_FUNCTION_ERROR',
      e.range,
      'Error in function call',
      `Call to function "${e.name}" failed: ${msg}.`,
    );
  }
  return sens && !result.sens && !fn.handlesMarks ? { ...result, sens: true } : result;
}

export function typeMismatch(name: string, v: Value, want: string): never {
  throw new Error(
    `Invalid value for "${name}" parameter: ${want} required, but a ${friendlyName(v.t)} was given`,
  );
}
