import { applyFlow, type ApplyOutcome, type ApplyRequest, type ApplyUi } from './applyFlow.js';

/** `nssv apply -refresh-only`: record in the state what changed on the hosts; change nothing there. */
export function runRefresh(req: ApplyRequest, ui: ApplyUi): Promise<ApplyOutcome> {
  return applyFlow('apply', 'refresh-only', req, ui);
}
