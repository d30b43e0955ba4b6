import { didYouMean } from '../../core/didYouMean.js';
import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';

/** Thrown while evaluating an expression; carries a diagnostic. Caught by the config layer. */
export class EvalError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.summary + (diagnostic.detail ? ': ' + diagnostic.detail : ''));
  }
}

export function evalDiag(
  code: string,
  range: SourceRange | undefined,
  summary: string,
  detail: string,
): Diagnostic {
  const d: Diagnostic = { severity: 'error', code, summary, detail };
  if (range) d.range = range;
  return d;
}

export function fail(code: string, range: SourceRange | undefined, summary: string, detail: string): never {
  throw new EvalError(evalDiag(code, range, summary, detail));
}

/** " Did you mean "x"?" for a message, or nothing when no candidate is close. */
export function suggestion(given: string, candidates: Iterable<string>): string {
  const s = didYouMean(given, candidates);
  return s ? ` Did you mean "${s}"?` : '';
}
