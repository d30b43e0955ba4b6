import { BigNum } from '../number.js';
import { DYNAMIC } from '../types.js';
import { type Value, num } from '../value.js';
import { def, p, type FunctionTable } from './registry.js';

export function collectionFunctions(): FunctionTable {
  const t: FunctionTable = new Map();
  t.set(
    'length',
    def([p('value', DYNAMIC, { allowMarked: true })], ([v]) => {
      const x = v!;
      if (typeof x.v === 'string') return num(BigNum.fromInt([...x.v].length));
      if (Array.isArray(x.v)) return num(BigNum.fromInt(x.v.length));
      if (x.v instanceof Map) return num(BigNum.fromInt(x.v.size));
      throw new Error('argument must be a string, a collection type, or a structural type');
    }),
  );
  return t;
}

export type { Value };
