import type { Expr } from '../hcl/ast.js';
import type { EvalContext } from '../eval/context.js';
import { evaluate } from '../eval/evaluate.js';
import type { Value } from '../eval/value.js';
import type { ModuleScope } from './module-scope.js';
import { rootNames } from './referenced-roots.js';

/** The symbols an instance's context adds to its module's: every other name means the same in all instances. */
const INSTANCE_SYMBOLS = new Set(['count', 'each']);

/**
 * Evaluates the expressions of one resource block for each of its instances, once for those that
 * do not name count or each (`cluster_id = nssv_cluster.c.id`, `memory_mib = 64`): their value
 * and the addresses they refer to are the same in every instance. Only a clean evaluation is
 * reused; one that failed or reported anything is evaluated again for each instance, as before.
 */
export class InstanceInvariantExprs {
  /** The value and references of an invariant expression; null: evaluate it each time. */
  private readonly done = new Map<Expr, { value: Value; deps: Set<string> } | null>();

  constructor(private readonly m: ModuleScope) {}

  /** For evalBody, in the instance's context (count or each symbols, nothing else). */
  readonly evaluate = (e: Expr, ctx: EvalContext): Value => {
    const got = this.done.get(e);
    if (got === null) return evaluate(e, ctx);
    if (got) {
      this.addDeps(got.deps);
      return got.value;
    }
    if (namesInstanceSymbols(e)) {
      this.done.set(e, null);
      return evaluate(e, ctx);
    }
    const before = this.m.shared.diags.length;
    const r = this.m.collect(() => evaluate(e, ctx));
    this.addDeps(r.deps);
    this.done.set(e, this.m.shared.diags.length === before ? r : null);
    return r.value;
  };

  private addDeps(deps: Set<string>): void {
    const collectors = this.m.shared.collectors;
    const top = collectors[collectors.length - 1];
    if (top) for (const d of deps) top.add(d);
  }
}

/** Whether count or each appears anywhere in the expression. */
function namesInstanceSymbols(e: Expr): boolean {
  const names = rootNames(e);
  for (const s of INSTANCE_SYMBOLS) if (names.has(s)) return true;
  return false;
}
