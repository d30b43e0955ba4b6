import type { PlanContext } from '../context.js';
import { planErrors } from '../errors.js';

/** lifecycle.prevent_destroy: a plan that would delete or replace the instance is refused. */
export function preventDestroy(ctx: PlanContext): void {
  for (const c of ctx.changes) {
    if (c.action !== 'delete' && c.action !== 'replace') continue;
    const n = ctx.nodes.get(c.address)!;
    if (!n.desired?.lifecycle.preventDestroy) continue;
    ctx.diagnostics.push(
      planErrors.preventDestroy(c.address, c.action === 'delete' ? 'destroy' : 'replace', n.desired.range),
    );
  }
}
