import type { Diagnostic } from '../../core/diagnostic.js';

/** Reads a configuration file's text for source excerpts; undefined when unavailable. */
export type SourceReader = (file: string) => string | undefined;

/**
 * A diagnostic for humans: where (file:line:col), what, the offending line with a caret,
 * then what is allowed and how to fix it.
 */
export function renderDiagnostic(d: Diagnostic, readSource?: SourceReader): string {
  const label = d.severity === 'error' ? 'Error' : 'Warning';
  const where = d.range ? `${d.range.file}:${d.range.line}:${d.range.column}: ` : '';
  const lines = [`${label}: ${where}${d.summary}`];
  if (d.range && readSource) {
    const text = readSource(d.range.file);
    const src = text?.split('\n')[d.range.line - 1];
    if (src !== undefined) {
      const num = String(d.range.line);
      lines.push(
        '',
        `  ${num} | ${src}`,
        `  ${' '.repeat(num.length)} | ${' '.repeat(Math.max(0, d.range.column - 1))}^`,
      );
    }
  } else if (d.address && !d.range) {
    lines.push(`  (in ${d.address}${d.attribute ? `, attribute ${d.attribute}` : ''})`);
  }
  if (d.detail) lines.push('', ...d.detail.split('\n').map((l) => `  ${l}`));
  return lines.join('\n') + '\n';
}

export function renderDiagnostics(diags: readonly Diagnostic[], readSource?: SourceReader): string {
  return diags.map((d) => renderDiagnostic(d, readSource)).join('\n');
}
