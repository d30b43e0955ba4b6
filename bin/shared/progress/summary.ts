import type { ApplyTracker } from './tracker.js';
import { formatDuration } from './tracker.js';

/**
 * The closing lines of a progress view: how many steps ran in how long, and the slowest ones
 * (with their hosts), so a slow apply says where its time went.
 */
export function durationSummary(t: ApplyTracker, now: number, slowest = 5): string {
  const lines = [
    `${t.finished.length} of ${t.total} step${t.total === 1 ? '' : 's'} ran in ${formatDuration(now - t.startedAt)}: ` +
      `${t.done} done, ${t.failed} failed${t.undone || t.undoFailed ? `, ${t.undone} rolled back, ${t.undoFailed} rollback failed` : ''}.`,
  ];
  const top = [...t.finished].sort((a, b) => b.elapsedMs - a.elapsedMs).slice(0, slowest);
  if (top.length > 1) {
    lines.push('Slowest steps:');
    const width = Math.max(...top.map((f) => f.step.address.length));
    for (const f of top) {
      const where = f.step.hosts.length ? ` on ${f.step.hosts.join(', ')}` : '';
      lines.push(
        `  ${f.step.address.padEnd(width)}  ${formatDuration(f.elapsedMs).padStart(6)}  ${f.step.kind}${where}${f.outcome === 'failed' ? ' (failed)' : ''}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
