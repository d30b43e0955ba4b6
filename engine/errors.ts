import { DiagnosticsError, type Diagnostic } from '../core/diagnostic.js';

function err(code: string, summary: string, detail: string): DiagnosticsError {
  const d: Diagnostic = { severity: 'error', code, summary, detail };
  return new DiagnosticsError([d]);
}

/** The engine's user errors: saved plan files and interrupted applies. */
export const engineErrors = {
  planFile: (path: string, summary: string, detail: string): DiagnosticsError =>
    err('NSSV_PLAN_FILE', `${path}: ${summary}`, detail),
  interruptedBeforeSavedPlan: (planFile: string): DiagnosticsError =>
    err(
      'NSSV_INTERRUPTED_APPLY_PENDING',
      `an earlier apply was interrupted, so the saved plan ${planFile} may not account for what it created`,
      'Run nssv plan (it finds those objects on their hosts), review it, and save a new plan with -out.',
    ),
};
