/** How a value appears in a message: JSON, sensitive values hidden, long values cut. */
export function show(value: unknown, sensitive = false): string {
  if (sensitive) return '(sensitive value)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function list(values: readonly unknown[]): string {
  return values.map((v) => show(v)).join(', ');
}
