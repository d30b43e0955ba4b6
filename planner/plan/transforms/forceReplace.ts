import type { PlanContext } from '../context.js';
import { forReplacement } from './diff.js';

/** -replace ADDRESS: replace that instance even though nothing forces it (Terraform's -replace). */
export function forceReplace(addresses: readonly string[]): (ctx: PlanContext) => void {
  return (ctx) => {
    for (const c of ctx.changes) {
      if (!addresses.includes(c.address) || (c.action !== 'noop' && c.action !== 'update')) continue;
      c.action = 'replace';
      c.after = forReplacement(c.type, c.after!);
      ctx.nodes.get(c.address)!.planned = c.after;
      c.reason = 'requested with -replace';
    }
  };
}
