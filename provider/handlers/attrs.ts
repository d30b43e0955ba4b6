import type { Attributes, AttrValue } from '../../core/values.js';

/** Typed reads of planned attributes; a missing or mistyped value here is a bug, not a user error. */
export function str(attrs: Attributes, key: string): string {
  const v = attrs[key];
  if (typeof v !== 'string')
    throw new Error(`bug: attribute ${key} should be a string, got ${JSON.stringify(v)}`);
  return v;
}

export function num(attrs: Attributes, key: string): number {
  const v = attrs[key];
  if (typeof v !== 'number')
    throw new Error(`bug: attribute ${key} should be a number, got ${JSON.stringify(v)}`);
  return v;
}

export function strList(attrs: Attributes, key: string): string[] {
  const v = attrs[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new Error(`bug: attribute ${key} should be a list of strings, got ${JSON.stringify(v)}`);
  }
  return v as string[];
}

export function blocks(attrs: Attributes, key: string): Attributes[] {
  const v: AttrValue | undefined = attrs[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Error(`bug: block ${key} should be a list, got ${JSON.stringify(v)}`);
  return v as Attributes[];
}
