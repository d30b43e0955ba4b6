import { annotationsOf } from '../../../schemas/annotationView.js';
import { attributeSchema } from '../../../schemas/registry.js';
import type { PlanContext } from '../context.js';
import { planErrors } from '../errors.js';

/** The policies a type supports besides "never" (what plan does not refuse), as the fix names them. */
function otherPolicies(type: string): string[] {
  const p = attributeSchema(type, ['delete_policy']);
  const refused = p ? annotationsOf(p).refusedValues : [];
  return ((p?.enum ?? []) as string[]).filter((v) => v !== 'never' && !refused.includes(v)).sort();
}

/**
 * delete_policy = "never": a plan that would delete or replace the instance is refused. The
 * policy that counts is the one applied (state), so removing the resource from the configuration
 * cannot lift it in the same plan.
 */
export function deletePolicy(ctx: PlanContext): void {
  for (const c of ctx.changes) {
    if (c.action !== 'delete' && c.action !== 'replace') continue;
    const n = ctx.nodes.get(c.address)!;
    const applied = n.prior?.attributes.delete_policy ?? c.before?.delete_policy;
    if (applied !== 'never') continue;
    ctx.diagnostics.push(
      planErrors.deletePolicyNever(
        c.address,
        c.action === 'delete' ? 'delete' : `replace (${c.requiredReplace.join(', ')} forces replacement)`,
        otherPolicies(n.type),
        n.desired?.range ?? undefined,
      ),
    );
  }
}
