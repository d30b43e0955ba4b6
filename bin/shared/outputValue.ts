/** An output value in HCL-like notation, as `terraform output` shows it. */
export function renderOutputValue(v: unknown, indent = ''): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => `${inner}${renderOutputValue(x, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const width = Math.max(...entries.map(([k]) => k.length));
  return `{\n${entries.map(([k, x]) => `${inner}"${k}"`.padEnd(inner.length + width + 2) + ` = ${renderOutputValue(x, inner)}`).join('\n')}\n${indent}}`;
}
