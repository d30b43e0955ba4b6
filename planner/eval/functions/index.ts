import type { FunctionDef } from '../context.js';
import { collectionFunctions } from './collection.js';
import { conversionFunctions } from './conversion.js';
import { cryptoFunctions } from './crypto.js';
import { encodingFunctions } from './encoding.js';
import { fileFunctions } from './file.js';
import { ipnetFunctions } from './ipnet.js';
import { numericFunctions } from './numeric.js';
import { stringFunctions } from './string.js';

let table: Map<string, FunctionDef> | undefined;

/** All built-in functions, by name. */
export function builtinFunctions(): ReadonlyMap<string, FunctionDef> {
  if (!table) {
    const t = new Map<string, FunctionDef>();
    for (const family of [
      collectionFunctions(),
      conversionFunctions(),
      cryptoFunctions(),
      encodingFunctions(),
      fileFunctions(() => builtinFunctions()),
      ipnetFunctions(),
      numericFunctions(),
      stringFunctions(),
    ]) {
      for (const [name, fn] of family) t.set(name, fn);
    }
    table = t;
  }
  return table;
}
