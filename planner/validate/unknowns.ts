import { isUnknown } from '../../core/values.js';

/** JSON pointers ("/disk/0/volume_id") of every value not known until apply. */
export function unknownPointers(value: unknown, pointer = '', out: string[] = []): string[] {
  if (isUnknown(value)) {
    out.push(pointer);
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => unknownPointers(v, `${pointer}/${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      unknownPointers(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
    }
  }
  return out;
}

/** Whether a JSON pointer is an unknown value or lies inside one. */
export function isUnderUnknown(pointer: string, unknowns: readonly string[]): boolean {
  return unknowns.some((u) => pointer === u || pointer.startsWith(`${u}/`));
}

/** Whether any unknown lies at or inside this pointer (a list holding an unknown item, …). */
export function containsUnknown(pointer: string, unknowns: readonly string[]): boolean {
  return unknowns.some((u) => u === pointer || u.startsWith(`${pointer}/`));
}
