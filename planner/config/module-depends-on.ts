import type { Expr } from '../hcl/ast.js';
import { configErrors as E } from './errors.js';
import type { ModuleScope } from './module-scope.js';

/** Static addresses named by depends_on expressions. */
export function dependsOnAddresses(scope: ModuleScope, exprs: Expr[]): string[] {
  const out: string[] = [];
  for (const e of exprs) {
    let cur: Expr = e;
    const steps: string[] = [];
    while (cur.t === 'getattr' || cur.t === 'index') {
      if (cur.t === 'getattr') steps.unshift(cur.name);
      cur = cur.obj;
    }
    if (cur.t !== 'var') {
      scope.shared.diags.push(
        E.invalidReference(
          e.range,
          'Invalid depends_on reference',
          'depends_on takes references to resources or modules, like [nssv_vm.web, module.net].',
        ),
      );
      continue;
    }
    if (cur.name === 'module' && steps[0]) {
      const call = scope.decl.moduleCalls.get(steps[0]);
      if (!call) {
        scope.shared.diags.push(E.unknownModule(e.range, steps[0], [...scope.decl.moduleCalls.keys()]));
        continue;
      }
      const m = scope.moduleCall(steps[0], e.range);
      for (const c of m.children) out.push(...c.allInstances().map((i) => i.address));
      continue;
    }
    if (steps[0] && scope.decl.resources.has(`${cur.name}.${steps[0]}`)) {
      out.push(`${scope.prefix}${cur.name}.${steps[0]}`);
      continue;
    }
    if (cur.name === 'var' || cur.name === 'local') continue;
    scope.shared.diags.push(
      E.unknownResource(e.range, cur.name, steps[0] ?? '', [...scope.decl.resources.keys()]),
    );
  }
  return out;
}
