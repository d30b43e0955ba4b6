import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import { handlerFor } from '../../handlers/registry.js';
import { catchAgent, tfErrors } from '../errors.js';
import type { Session } from '../session.js';
import { hostAddress } from './apply.js';
import { label } from './plan.js';

/** ReadResource: the live attributes (drift shows in the next plan), or null when it is gone from its host. */
export async function readResource(
  s: Session,
  type: string,
  prior: Attributes,
): Promise<{ state: Attributes | null; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const live = await catchAgent(label(type, prior), diagnostics, () =>
    handlerFor(type).read(s.ctx, hostAddress(type, prior), prior),
  );
  if (live !== undefined) s.remember(type, live ?? prior);
  return { state: live === undefined ? prior : live, diagnostics: haFailover(type, prior, diagnostics) };
}

/** An HA VM whose host does not answer: say that failover is nssv's, not only that the agent is down. */
function haFailover(type: string, prior: Attributes, diagnostics: Diagnostic[]): Diagnostic[] {
  if (type !== 'nssv_vm' || prior.ha_enabled !== true || typeof prior.host_id !== 'string')
    return diagnostics;
  const host = prior.host_id;
  return diagnostics.map((d) =>
    d.code === 'NSSV_AGENT_UNREACHABLE' ? tfErrors.haHostLost(label(type, prior), host) : d,
  );
}
