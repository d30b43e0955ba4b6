import type { SourceRange } from '../../core/diagnostic.js';
import type { Expr } from '../hcl/ast.js';
import type { Value } from './value.js';

/** Where root names (var, local, nssv_vm, count, each, path, module, …) get their values. */
export interface Resolver {
  /**
   * Resolve a reference. `attr` is the attribute right after the root (var.NAME), when there is one;
   * return consumed=true if the resolver used it. Throw EvalError for unknown references.
   */
  resolve(
    root: string,
    attr: { name: string; range: SourceRange } | undefined,
    range: SourceRange,
  ): { value: Value; consumed: boolean };
}

export interface FunctionCallContext {
  /** Base directory for file functions (path.module). */
  baseDir: string;
  range: SourceRange;
  argRanges: SourceRange[];
  /** Evaluate an unevaluated argument (try/can). */
  evalArg(e: Expr): Value;
}

export interface FunctionDef {
  /** Fixed parameters. */
  params: ParamSpec[];
  /** Variadic parameter, if any. */
  variadic?: ParamSpec;
  /** Called with converted args; unknown args short-circuit unless allowUnknown. */
  impl(args: Value[], ctx: FunctionCallContext): Value;
  /** The function decides the marks of its result itself (nonsensitive, issensitive). */
  handlesMarks?: boolean;
  /** The function takes its arguments unevaluated (try, can). */
  lazy?: boolean;
}

export interface ParamSpec {
  name: string;
  type: import('./types.js').Type;
  allowNull?: boolean;
  allowUnknown?: boolean;
  allowMarked?: boolean;
}

/** Everything an expression needs: references, functions, local symbols (for-expr iterators, each, count). */
export class EvalContext {
  constructor(
    readonly resolver: Resolver,
    readonly functions: ReadonlyMap<string, FunctionDef>,
    readonly baseDir: string,
    private readonly symbols: ReadonlyMap<string, Value> = new Map(),
    private readonly parent?: EvalContext,
  ) {}

  symbol(name: string): Value | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let c: EvalContext | undefined = this;
    while (c) {
      const v = c.symbols.get(name);
      if (v !== undefined) return v;
      c = c.parent;
    }
    return undefined;
  }

  child(symbols: ReadonlyMap<string, Value>): EvalContext {
    return new EvalContext(this.resolver, this.functions, this.baseDir, symbols, this);
  }
}
