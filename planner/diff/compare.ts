import { attributeInfo } from '../../schemas/attributes.js';
import { jsonEqual } from '../../core/jsonEqual.js';
import { isUnknown, type Attributes, type AttrValue } from '../../core/values.js';

export function sameValue(a: AttrValue | undefined, b: AttrValue | undefined): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  return jsonEqual(a ?? null, b ?? null);
}

export interface AttributeDiff {
  /** Changed attribute paths, e.g. "memory_mib", "disk[0].volume_id", "nic" (items added/removed). */
  changed: string[];
  /** The subset whose change forces replacement. */
  forceNew: string[];
}

/**
 * Which planned attributes differ from the live ones (skipping ignored paths), in key order.
 * Most instances of a plan have no change: the keys are compared as they come and only the
 * differing ones are sorted and taken apart.
 */
export function compareAttributes(
  type: string,
  planned: Attributes,
  live: Attributes,
  skip: (path: string) => boolean,
): AttributeDiff {
  let differing: string[] | undefined;
  for (const key in planned) {
    const p = planned[key];
    const l = live[key];
    // The same string, number, boolean or null (most attributes of most instances): no change.
    if (p === l && (typeof p !== 'object' || p === null)) continue;
    if (skip(key) || sameValue(p, l)) continue;
    (differing ??= []).push(key);
  }
  const changed: string[] = [];
  const forceNew: string[] = [];
  if (!differing) return { changed, forceNew };
  const mark = (path: string): void => {
    changed.push(path);
    if (attributeInfo(type, path)?.forceNew) forceNew.push(path);
  };
  for (const key of differing.sort()) {
    const info = attributeInfo(type, key);
    const p = planned[key];
    const l = live[key];
    if (info?.block && Array.isArray(p) && Array.isArray(l)) {
      const common = Math.min(p.length, l.length);
      for (let i = 0; i < common; i++) {
        const pi = (p[i] ?? {}) as Attributes;
        const li = (l[i] ?? {}) as Attributes;
        for (const k of Object.keys(pi).sort()) {
          if (!sameValue(pi[k], li[k])) mark(`${key}[${i}].${k}`);
        }
      }
      if (p.length !== l.length) mark(key);
      continue;
    }
    mark(key);
  }
  return { changed, forceNew };
}
