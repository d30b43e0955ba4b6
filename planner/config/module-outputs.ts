import { DYNAMIC_UNKNOWN, containsSensitive } from '../eval/value.js';
import { checkPreconditions } from './conditions.js';
import { configErrors as E } from './errors.js';
import type { OutputDecl } from './model.js';
import type { ModuleScope, Node } from './module-scope.js';

/** An output's value and dependencies; a sensitive value in an output not marked sensitive is an error. */
export function computeOutput(scope: ModuleScope, decl: OutputDecl): Node {
  const r = scope.collect(() => (decl.value ? scope.evalReported(decl.value) : DYNAMIC_UNKNOWN));
  for (const a of scope.dependsOnAddresses(decl.dependsOn)) r.deps.add(a);
  checkPreconditions(scope, decl.preconditions, scope.ctx, `${scope.prefix}output.${decl.name}`);
  if (!decl.sensitive && containsSensitive(r.value) && decl.value) {
    scope.shared.diags.push(
      E.invalidReference(
        decl.value.range,
        'Output refers to sensitive values',
        `The output "${decl.name}" would show a sensitive value. Add sensitive = true to the output block, or wrap the value in nonsensitive() if you are sure it is safe to show.`,
      ),
    );
  }
  return r;
}
