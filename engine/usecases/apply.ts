import { applyFlow, type ApplyOutcome, type ApplyRequest, type ApplyUi } from './applyFlow.js';

/** `nssv apply [PLANFILE]`: plan (or take the saved plan), confirm, make the hosts match. */
export function runApply(req: ApplyRequest, ui: ApplyUi): Promise<ApplyOutcome> {
  return applyFlow('apply', 'normal', req, ui);
}
