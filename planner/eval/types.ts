/** Terraform's (cty's) type system. */
export type Type =
  | { readonly k: 'string' }
  | { readonly k: 'number' }
  | { readonly k: 'bool' }
  | { readonly k: 'dynamic' }
  | { readonly k: 'list'; readonly e: Type }
  | { readonly k: 'set'; readonly e: Type }
  | { readonly k: 'map'; readonly e: Type }
  | {
      readonly k: 'object';
      readonly attrs: ReadonlyMap<string, Type>;
      readonly optional?: ReadonlyMap<string, unknown>;
    }
  | { readonly k: 'tuple'; readonly elems: readonly Type[] };

export const STRING: Type = { k: 'string' };
export const NUMBER: Type = { k: 'number' };
export const BOOL: Type = { k: 'bool' };
export const DYNAMIC: Type = { k: 'dynamic' };
export const EMPTY_TUPLE: Type = { k: 'tuple', elems: [] };
export const EMPTY_OBJECT: Type = { k: 'object', attrs: new Map() };

export const listOf = (e: Type): Type => ({ k: 'list', e });
export const setOf = (e: Type): Type => ({ k: 'set', e });
export const mapOf = (e: Type): Type => ({ k: 'map', e });
export const tupleOf = (elems: readonly Type[]): Type => ({ k: 'tuple', elems });
export const objectOf = (attrs: ReadonlyMap<string, Type>): Type => ({ k: 'object', attrs });

export function isPrimitive(t: Type): boolean {
  return t.k === 'string' || t.k === 'number' || t.k === 'bool';
}
export function isCollection(t: Type): t is Type & { e: Type } {
  return t.k === 'list' || t.k === 'set' || t.k === 'map';
}

export function typeEquals(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'list':
    case 'set':
    case 'map':
      return typeEquals(a.e, (b as typeof a).e);
    case 'tuple': {
      const be = (b as typeof a).elems;
      return a.elems.length === be.length && a.elems.every((t, i) => typeEquals(t, be[i]!));
    }
    case 'object': {
      const ba = (b as typeof a).attrs;
      if (a.attrs.size !== ba.size) return false;
      for (const [k, t] of a.attrs) {
        const o = ba.get(k);
        if (!o || !typeEquals(t, o)) return false;
      }
      return true;
    }
    default:
      return true;
  }
}

/** True when the type contains no `dynamic` (any) placeholder. */
export function isConcrete(t: Type): boolean {
  switch (t.k) {
    case 'dynamic':
      return false;
    case 'list':
    case 'set':
    case 'map':
      return isConcrete(t.e);
    case 'tuple':
      return t.elems.every(isConcrete);
    case 'object':
      for (const a of t.attrs.values()) if (!isConcrete(a)) return false;
      return true;
    default:
      return true;
  }
}

/** A type as Terraform writes it in messages: "string", "list of number", "object". */
export function friendlyName(t: Type): string {
  switch (t.k) {
    case 'dynamic':
      return 'dynamic';
    case 'list':
    case 'set':
    case 'map':
      return `${t.k} of ${friendlyName(t.e)}`;
    case 'tuple':
      return 'tuple';
    case 'object':
      return 'object';
    default:
      return t.k;
  }
}

/** A type in Terraform's type constraint syntax: list(string), object({a=number}). */
export function typeString(t: Type): string {
  switch (t.k) {
    case 'dynamic':
      return 'any';
    case 'list':
    case 'set':
    case 'map':
      return `${t.k}(${typeString(t.e)})`;
    case 'tuple':
      return `tuple([${t.elems.map(typeString).join(', ')}])`;
    case 'object':
      return `object({${[...t.attrs.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${k}=${typeString(v)}`)
        .join(', ')}})`;
    default:
      return t.k;
  }
}
