/** Values as the user wrote them (HCL literal syntax), for messages. Sensitive values are never shown. */

export const SENSITIVE_TEXT = '(sensitive value)';

const MAX = 60;

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).map(
      ([k, x]) => `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k)} = ${literal(x)}`,
    );
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return String(v);
}

/** HCL literal of a value, shortened to about 60 characters. */
export function formatValue(v: unknown, sensitive = false): string {
  if (sensitive) return SENSITIVE_TEXT;
  const s = literal(v);
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

/** What kind of value this is, in the user's words: "a string", "a whole number", "a list", … */
export function describeKind(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  if (Array.isArray(v)) return 'a list';
  return 'an object';
}

/** A JSON Schema type in the user's words. */
export function describeType(type: string, block = false): string {
  switch (type) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return block ? 'a list of blocks' : 'a list';
    case 'object':
      return block ? 'a block' : 'a map';
    case 'null':
      return 'null';
    default:
      return type;
  }
}

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
