import type { PlanStep } from '../../../../planner/plan/types.js';

/** A plan step for progress tests. */
export function step(address: string, kind: PlanStep['kind'], hosts: string[] = ['h1']): PlanStep {
  return { id: `${address}#${kind}`, address, type: address.split('.')[0]!, kind, after: [], hosts };
}

/** A clock the test moves by hand. */
export function manualClock(startIso = '2026-12-05T03:00:00.000Z'): {
  now: () => number;
  advance(ms: number): void;
} {
  let t = Date.parse(startIso);
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** A writable that keeps what was written. */
export function sink(): { write(s: string): boolean; text(): string } {
  let buf = '';
  return { write: (s) => ((buf += s), true), text: () => buf };
}
