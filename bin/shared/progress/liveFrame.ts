import type { ApplyTracker } from './tracker.js';
import { formatDuration } from './tracker.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const ING = { create: 'creating', update: 'modifying', delete: 'destroying' } as const;

/**
 * The live region of the terminal view: one line per running step (spinner, address, what it
 * does, on which host, for how long; longest-running first, at most `maxSteps`), rollbacks in
 * progress, and a status line with the counts done / running / left and the time so far.
 */
export function renderLiveFrame(t: ApplyTracker, now: number, maxSteps: number): string {
  const spin = SPINNER[Math.floor((now - t.startedAt) / 100) % SPINNER.length]!;
  const running = [...t.running.values()].sort(
    (a, b) => a.startedAt - b.startedAt || a.step.id.localeCompare(b.step.id),
  );
  const shown = running.slice(0, maxSteps);
  const width = Math.max(0, ...shown.map((r) => r.step.address.length));
  const lines = shown.map((r) => {
    const where = r.step.hosts.length ? ` on ${r.step.hosts.join(', ')}` : '';
    return `  ${spin} ${r.step.address.padEnd(width)}  ${ING[r.step.kind]}${where}  ${formatDuration(now - r.startedAt)}`;
  });
  if (running.length > shown.length) lines.push(`    … and ${running.length - shown.length} more running`);
  for (const r of t.rollingBack.values()) {
    lines.push(`  ${spin} ${r.step.address}  rolling back  ${formatDuration(now - r.startedAt)}`);
  }
  const failed = t.failed ? `, ${t.failed} failed` : '';
  lines.push(
    `Applying: ${t.done}/${t.total} done${failed}, ${t.running.size} running, ${t.left} left  [${formatDuration(now - t.startedAt)}]`,
  );
  return lines.join('\n');
}
