/** Errors as data: every user-facing problem in planner and provider is a Diagnostic. */

export type Severity = 'error' | 'warning';

/** A position in a configuration file; 1-based line and column. */
export interface SourceRange {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable code, e.g. NSSV_CONFIG_SYNTAX, NSSV_SCHEMA_TYPE. Tests assert on it. */
  code: string;
  /** Resource address the problem belongs to, when there is one. */
  address?: string;
  /** Attribute path inside the resource, e.g. "disk[0].size_gib". */
  attribute?: string;
  /** One line in the user's terms: what went wrong. */
  summary: string;
  /** The value given, what is allowed, and how to fix it. */
  detail?: string;
  range?: SourceRange;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Thrown only to carry diagnostics across an async boundary; bin/ prints them. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.summary).join('; '));
    this.name = 'DiagnosticsError';
  }
}
