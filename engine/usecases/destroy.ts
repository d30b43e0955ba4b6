import { applyFlow, type ApplyOutcome, type ApplyRequest, type ApplyUi } from './applyFlow.js';

/** `nssv destroy`: plan the deletion of everything in state, confirm, delete it. */
export function runDestroy(req: ApplyRequest, ui: ApplyUi): Promise<ApplyOutcome> {
  return applyFlow('destroy', 'destroy', req, ui);
}
