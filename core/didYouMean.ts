/**
 * The one "did you mean …" of nssv (config, expressions, schemas, CLI): suggestions by edit
 * distance (optimal string alignment: transpositions count as one edit).
 */

export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  // three rolling rows (i-2, i-1, i) of the distance matrix: no matrix per call
  let before = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      row[j] = best;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[n]!;
}

/**
 * The candidate closest to `given`, if it is close enough to be a plausible typo:
 * at most 2 edits, or a third of the longer word for long names. Case differences cost nothing
 * extra beyond one edit per letter, so "Running" suggests "running". Ties go to the earlier candidate.
 */
export function didYouMean(given: string, candidateList: Iterable<string>): string | undefined {
  const candidates = [...candidateList];
  let best: string | undefined;
  let bestDistance = Infinity;
  const g = given.toLowerCase();
  for (const c of candidates) {
    if (c === given) continue;
    const lc = c.toLowerCase();
    const limit = Math.max(2, Math.floor(Math.max(given.length, c.length) / 3));
    // the distance is at least the difference in length: skip what cannot be close enough
    const least = Math.abs(lc.length - g.length);
    if (least > limit || (least > 0 && least >= bestDistance)) continue;
    const dist = lc === g ? 0.5 : editDistance(g, lc);
    if (dist <= limit && dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best ?? byWord(g, candidates);
}

/** A candidate that contains the given word at a "_"/"-" boundary (vlan → vlan_id, image_id → source_image_id), shortest first. */
function byWord(given: string, candidates: readonly string[]): string | undefined {
  if (given.length < 3) return undefined;
  const hits = candidates.filter((c) => {
    const lc = c.toLowerCase();
    const i = lc.indexOf(given);
    if (i < 0 || lc === given) return false;
    const before = i === 0 || /[_-]/.test(lc[i - 1]!);
    const after = i + given.length === lc.length || /[_-]/.test(lc[i + given.length]!);
    return before && after;
  });
  return hits.sort((a, b) => a.length - b.length)[0];
}
