import { DiagnosticsError, type Diagnostic, type SourceRange } from '../core/diagnostic.js';

function err(code: string, summary: string, detail: string): DiagnosticsError {
  const d: Diagnostic = { severity: 'error', code, summary, detail };
  return new DiagnosticsError([d]);
}

/** The engine's user errors: saved plan files and interrupted applies. */
export const engineErrors = {
  dataArgument: (
    range: SourceRange,
    address: string,
    attribute: string,
    problem: string,
    fix: string,
  ): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_DATA_INVALID_ARGUMENT',
    address,
    attribute,
    range,
    summary: `${address}: ${problem}`,
    detail: fix,
  }),
  cannotGenerate: (address: string): DiagnosticsError =>
    err(
      'NSSV_GENERATE_CONFIG',
      `cannot generate configuration for ${address}: only root-module resources without count or for_each get generated blocks`,
      'Write the resource block for this import target yourself, then plan again.',
    ),
  generateTarget: (path: string, why: string): DiagnosticsError =>
    err(
      'NSSV_GENERATE_CONFIG',
      `cannot write the generated configuration to ${path} (${why === 'EEXIST' ? 'the file already exists' : why})`,
      'Give -generate-config-out a file that does not exist yet: nssv never overwrites configuration.',
    ),
  planFile: (path: string, summary: string, detail: string): DiagnosticsError =>
    err('NSSV_PLAN_FILE', `${path}: ${summary}`, detail),
  interruptedBeforeSavedPlan: (planFile: string): DiagnosticsError =>
    err(
      'NSSV_INTERRUPTED_APPLY_PENDING',
      `an earlier apply was interrupted, so the saved plan ${planFile} may not account for what it created`,
      'Run nssv plan (it finds those objects on their hosts), review it, and save a new plan with -out.',
    ),
};
