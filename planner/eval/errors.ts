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

/** Levenshtein distance, for "did you mean …". */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n]!;
}

/** The closest candidate within a small edit distance, or undefined. */
export function didYouMean(given: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(given.toLowerCase(), c.toLowerCase());
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.min(3, Math.floor(given.length / 3) + 1));
  return bestD <= limit ? best : undefined;
}

export function suggestion(given: string, candidates: Iterable<string>): string {
  const s = didYouMean(given, candidates);
  return s ? ` Did you mean "${s}"?` : '';
}
