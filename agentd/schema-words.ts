import type { JsonSchema } from '../schemas/jsonSchema.js';

/** How a value given is shown in a message (nothing when absent). */
export function show(value: unknown): string {
  return value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
}

/** A JSON pointer as a dotted path under `root`: "/disks/0/volume" → "body.disks[0].volume". */
export function pointerLabel(path: string, root = 'body'): string {
  return path
    .split('/')
    .slice(1)
    .reduce((at, raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(key) ? `${at}[${key}]` : `${at}.${key}`;
    }, root);
}

/** The value at a JSON pointer. */
export function valueAt(body: unknown, path: string): unknown {
  return path
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (at, raw) => (at as Record<string, unknown> | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')],
      body,
    );
}

/** What a schema allows, in words, from its own keywords. */
export function allowedText(s: JsonSchema): string {
  if (typeof s['x-nssv-allowed'] === 'string') return s['x-nssv-allowed'];
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const nullable = types.includes('null');
  const nullMeans = typeof s['x-nssv-null-means'] === 'string' ? ` (${s['x-nssv-null-means']})` : '';
  const orNull = nullable ? ` or null${nullMeans}` : '';
  if (s.enum) {
    const values = s.enum.filter((v) => v !== null).map((v) => JSON.stringify(v));
    return `one of ${values.join(', ')}${orNull}`;
  }
  if (types.includes('integer') || types.includes('number')) {
    const kind = types.includes('integer') ? 'an integer' : 'a number';
    const range =
      s.minimum !== undefined && s.maximum !== undefined
        ? ` from ${s.minimum} to ${s.maximum}`
        : s.minimum !== undefined
          ? ` of at least ${s.minimum}`
          : s.maximum !== undefined
            ? ` of at most ${s.maximum}`
            : '';
    return `${kind}${range}${orNull}`;
  }
  if (types.includes('array'))
    return s.maxItems !== undefined ? `an array of at most ${s.maxItems} entries` : 'an array';
  if (types.includes('object')) return 'a JSON object';
  if (types.includes('boolean')) return `true or false${orNull}`;
  if (types.includes('string'))
    return `${s.maxLength !== undefined ? `a string of at most ${s.maxLength} characters` : 'a string'}${orNull}`;
  return 'a valid value';
}
