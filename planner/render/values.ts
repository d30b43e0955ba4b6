import { isUnknown, type AttrValue } from '../../core/values.js';

/** One value the way a plan shows it; nested lists and maps stay on one line. */
export function renderValue(v: AttrValue | undefined, sensitive = false): string {
  if (sensitive) return '(sensitive value)';
  if (v === undefined || v === null) return 'null';
  if (isUnknown(v)) return '(known after apply)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => renderValue(x)).join(', ')}]`;
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, x]) => `${k} = ${renderValue(x)}`).join(', ')} }`;
}
