/** What must hold for every diagnostic nssv reports, whatever the input. */
import type { Diagnostic } from '../../core/diagnostic.js';
import { renderDiagnostic } from '../../planner/render/diagnostics.js';

const CODE = /^NSSV_[A-Z0-9_]+$/u;
/** A JavaScript stack frame, however the renderer indents it. */
const STACK_FRAME = / {4}at \S/u;
/** Words that betray a JavaScript value leaking into a message (unless the user wrote them). */
const LEAKS = [/\bundefined\b/u, /\bNaN\b/u, /\[object [A-Z]\w*\]/u, /\bfunction\s*\(/u];

export function diagnosticProblems(d: Diagnostic, sources: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const id = `${String(d.code)} "${String(d.summary)}"`;
  if (typeof d.code !== 'string' || !CODE.test(d.code)) problems.push(`bad code: ${id}`);
  if (d.code === 'NSSV_INTERNAL') problems.push(`internal error: ${id}: ${String(d.detail)}`);
  if (d.severity !== 'error' && d.severity !== 'warning')
    problems.push(`bad severity ${String(d.severity)}: ${id}`);
  if (typeof d.summary !== 'string' || d.summary.trim() === '') problems.push(`empty summary: ${id}`);
  if (d.range) {
    const { file, line, column } = d.range;
    const okNumbers = Number.isInteger(line) && Number.isInteger(column) && line >= 1 && column >= 1;
    if (typeof file !== 'string' || file === '' || !okNumbers)
      problems.push(`bad range ${JSON.stringify(d.range)}: ${id}`);
    const text = sources.get(file);
    if (text !== undefined && line > text.split('\n').length + 1) {
      problems.push(`range past the end of ${file} (line ${line}): ${id}`);
    }
  } else if (!d.address && !d.attribute) {
    problems.push(`no range, address or attribute: ${id}`);
  }
  return problems;
}

/** Problems in rendered text: stack frames, or JavaScript values the user did not write. */
export function renderProblems(d: Diagnostic, userText: string): string[] {
  const problems: string[] = [];
  // Without a source reader the rendering holds only nssv's own words (and quoted values).
  const own = renderDiagnostic(d);
  if (STACK_FRAME.test(own) && !STACK_FRAME.test(userText)) problems.push(`stack trace in message: ${own}`);
  for (const leak of LEAKS) {
    if (leak.test(own) && !leak.test(userText)) problems.push(`${String(leak)} in message: ${own}`);
  }
  return problems;
}
