import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import { handlerFor } from '../../handlers/registry.js';
import { catchAgent } from '../errors.js';
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
  return { state: live === undefined ? prior : live, diagnostics };
}
